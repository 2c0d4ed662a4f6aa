import { gatewayBasePath } from '../model/context.ts';
import type { ApiRuntime, SecurityConfig } from '../model/runtime.ts';
import type { SseApi } from '../model/sse-api.ts';
import { withoutUserInfo } from '../model/public-url.ts';

/**
 * The root `x-wso2-*` extensions WSO2 tooling reads, shaped as the vendor-extensions catalogue
 * documents them (https://apim.docs.wso2.com/en/latest/reference/vendor-extensions-catalog/):
 *   x-wso2-basePath: /stocks/1.0.0            context + version, as the gateway serves it
 *   x-wso2-production-endpoints: { urls: [http://backend:8080], type: http }
 *   x-wso2-transports: [http, https]
 *   x-wso2-cors: { corsConfigurationEnabled, accessControlAllowOrigins, ... }
 *   x-wso2-application-security: { security-types: [api_key], optional: false }
 * API Manager's Publisher takes the context, endpoint and transports from its import form (its own
 * exports keep them in api.yaml, not in the AsyncAPI file), while Choreo Connect / the microgateway
 * read them from the document's root extensions; writing both lets either pick them up.
 */
export function wso2Root(api: SseApi): Record<string, unknown> {
  const types = securityTypes(api.runtime.security);
  return {
    'x-wso2-basePath': gatewayBasePath(api.context, api.version),
    // A shared file never carries the backend's credentials (set them in API Manager's endpoint security).
    'x-wso2-production-endpoints': { urls: [withoutUserInfo(api.endpoint)], type: 'http' },
    'x-wso2-transports': (['http', 'https'] as const).filter((t) => api.runtime.transports[t]),
    'x-wso2-cors': cors(api.runtime),
    ...(types.length ? { 'x-wso2-application-security': { 'security-types': types, optional: false } } : {}),
  };
}

/**
 * Per-topic `x-auth-type`, which API Manager's importer reads from each channel
 * (BaseAsyncApiV2Parser.buildURITemplate): "None" = no token needed, "Any" = secured.
 */
export function wso2AuthType(security: SecurityConfig): 'None' | 'Any' {
  return security.type === 'none' ? 'None' : 'Any';
}

function securityTypes(security: SecurityConfig): string[] {
  // APISpecParserConstants: api_key, basic_auth, oauth2 (JWTs are OAuth2 tokens in WSO2).
  return security.type === 'apiKey' ? ['api_key'] : security.type === 'basic' ? ['basic_auth'] : security.type === 'jwt' ? ['oauth2'] : [];
}

function cors(runtime: ApiRuntime): Record<string, unknown> {
  const headers = ['authorization', 'Access-Control-Allow-Origin', 'Content-Type', 'Last-Event-ID'];
  if (runtime.security.type === 'apiKey' && runtime.security.in === 'header') headers.push(runtime.security.name);
  return {
    corsConfigurationEnabled: runtime.corsOrigins.length > 0,
    accessControlAllowOrigins: runtime.corsOrigins,
    accessControlAllowCredentials: false,
    accessControlAllowHeaders: headers,
    accessControlAllowMethods: ['GET', 'OPTIONS'],
  };
}

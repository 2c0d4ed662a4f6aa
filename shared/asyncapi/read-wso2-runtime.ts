import type { ApiRuntime } from '../model/runtime.ts';
import { isRecord } from './plain-data.ts';
import type { Report } from './read-identity.ts';

const ORIGIN = /^https?:\/\/[^/\s]+$/;

/**
 * WSO2's API-level extensions that map onto runtime settings (names and shapes from
 * https://apim.docs.wso2.com/en/latest/reference/vendor-extensions-catalog/ and carbon-apimgt
 * APISpecParserConstants). Our `x-gateway` block wins where it sets the same thing.
 *  - `x-wso2-transports: [http, https]`            -> transports
 *  - `x-wso2-cors: { corsConfigurationEnabled, accessControlAllowOrigins: [...] }` -> CORS origins
 *  - `x-wso2-application-security: { security-types: [oauth2, api_key, basic_auth] }`, security
 *    schemes: reported, not imported (keys, users and tokens live in WSO2, not in the document).
 */
export function applyWso2Runtime(doc: Record<string, unknown>, runtime: ApiRuntime, warn: Report): void {
  const gateway = isRecord(doc['x-gateway']) ? doc['x-gateway'] : {};

  const transports = doc['x-wso2-transports'];
  if (transports !== undefined && gateway.transports === undefined) {
    if (Array.isArray(transports) && transports.length > 0 && transports.every((t) => t === 'http' || t === 'https')) {
      runtime.transports = { http: transports.includes('http'), https: transports.includes('https') };
    } else warn(['x-wso2-transports'], 'x-wso2-transports is not imported: it must list "http", "https" or both.');
  }

  const cors = doc['x-wso2-cors'];
  if (isRecord(cors) && gateway.cors === undefined) {
    if (cors.corsConfigurationEnabled === false) {
      runtime.corsOrigins = [];
      warn(['x-wso2-cors'], 'CORS is disabled (corsConfigurationEnabled: false): web pages on other origins cannot subscribe. Set x-gateway.cors to allow them.');
    } else if (Array.isArray(cors.accessControlAllowOrigins)) {
      const origins = cors.accessControlAllowOrigins.filter((o): o is string => typeof o === 'string' && (o === '*' || ORIGIN.test(o)));
      if (origins.length !== cors.accessControlAllowOrigins.length) {
        warn(['x-wso2-cors', 'accessControlAllowOrigins'], 'Some CORS origins are left out: each must be "*" or scheme://host[:port] with no path.');
      }
      runtime.corsOrigins = origins;
    }
  }

  if (doc['x-wso2-sandbox-endpoints'] !== undefined) {
    warn(['x-wso2-sandbox-endpoints'], 'The sandbox endpoint is not imported: an SSE Studio API has one backend endpoint (the production one).');
  }

  if (gateway.security !== undefined) return;
  const appSecurity = doc['x-wso2-application-security'];
  const types = isRecord(appSecurity) && Array.isArray(appSecurity['security-types']) ? appSecurity['security-types'].filter((t) => typeof t === 'string') : [];
  const schemes = isRecord(doc.components) && isRecord(doc.components.securitySchemes) ? Object.keys(doc.components.securitySchemes) : [];
  if (types.length) {
    warn(['x-wso2-application-security'], `WSO2 secures this API with ${types.join(', ')}; keys, users and tokens stay in WSO2, so the API is imported without security. Set x-gateway.security (apiKey, jwt or basic) to protect it.`);
  } else if (schemes.length) {
    warn(['components', 'securitySchemes'], `The security schemes (${schemes.join(', ')}) describe the API but do not configure SSE Studio's gateway: the API is imported without security. Set x-gateway.security (apiKey, jwt or basic) to protect it.`);
  }
}

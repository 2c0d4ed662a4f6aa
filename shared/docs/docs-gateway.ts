import { gatewayBasePath } from '../model/context.ts';
import type { SecurityConfig } from '../model/runtime.ts';
import type { SseApi } from '../model/sse-api.ts';
import { withoutUserInfo } from '../model/public-url.ts';
import type { DocsGateway } from './docs-model.ts';

/** Base URLs of the gateway's listeners (`http://127.0.0.1:8280`), null when one is off. */
export interface GatewayListeners {
  http: string | null;
  https: string | null;
}

/**
 * What the docs say about the gateway for one API: each topic's URLs (a transport the API turns off
 * gets null), the backend URL it streams from, the security with every secret removed, and the
 * replay promise when the gateway keeps a history. `backendEndpoint` overrides the API's endpoint
 * (the host streams from wherever the mock really runs).
 */
export function docsGatewayFor(api: SseApi, listeners: GatewayListeners, backendEndpoint: string = api.endpoint): DocsGateway {
  const basePath = gatewayBasePath(api.context, api.version);
  const { transports, replay, retryMs } = api.runtime;
  const url = (base: string | null, on: boolean, path: string) => (base && on ? base.replace(/\/+$/, '') + basePath + (path === '/' ? '' : path) : null);
  return {
    routes: api.topics.map((t) => ({
      path: t.path,
      httpUrl: url(listeners.http, transports.http, t.path),
      httpsUrl: url(listeners.https, transports.https, t.path),
      backendUrl: withoutUserInfo(backendEndpoint).replace(/\/+$/, '') + (t.backendPath ?? t.path),
    })),
    security: redactSecurity(api.runtime.security),
    ...(replay.maxEvents > 0 ? { replay: { maxEvents: replay.maxEvents, maxAgeSeconds: replay.maxAgeSeconds, ...(retryMs !== undefined ? { retryMs } : {}) } } : {}),
  };
}

/**
 * The security a consumer needs to know, without a secret in it: key lists, users, signing secrets
 * and public keys are emptied, so snippets made from it show placeholders (`<api key>`, `user:password`).
 */
export function redactSecurity(security: SecurityConfig): SecurityConfig {
  switch (security.type) {
    case 'none':
      return { type: 'none' };
    case 'apiKey':
      return { type: 'apiKey', in: security.in, name: security.name, keys: [] };
    case 'jwt': {
      const claims = { ...(security.issuer ? { issuer: security.issuer } : {}), ...(security.audience ? { audience: security.audience } : {}) };
      return security.algorithm === 'HS256' ? { type: 'jwt', algorithm: 'HS256', secret: '', ...claims } : { type: 'jwt', algorithm: 'RS256', publicKey: '', ...claims };
    }
    case 'basic':
      return { type: 'basic', users: [] };
  }
}

import type { SecurityConfig } from '../../../shared/model/runtime.ts';
import { REALM, refuse, type AuthRequest, type AuthResult } from './auth-result.ts';
import { findHeader, findQuery, parseAuthorization, type Lookup } from './request-parts.ts';
import { fingerprint, matchesAnySecret } from './secret.ts';

type ApiKeyConfig = Extract<SecurityConfig, { type: 'apiKey' }>;

/**
 * WSO2-style API keys: one of the configured keys in a header (WSO2's default is `apikey`) or a
 * query parameter. The most common mistake is led by WSO2 itself: its Developer Portal "try it"
 * sends the key as `Authorization: Bearer <key>`, which API-key APIs do not read. When the key is
 * in the wrong place we say where it belongs instead of a bare "missing".
 */
export function authenticateApiKey(config: ApiKeyConfig, request: AuthRequest): AuthResult {
  const readsAuthorization = config.in === 'header' && config.name.toLowerCase() === 'authorization';
  const place = config.in === 'header' ? `the "${config.name}" header` : `the "${config.name}" query parameter`;
  // Not a registered scheme; it tells clients (and RFC 9110 §11.6.1) how to authenticate.
  const challenge = `ApiKey realm="${REALM}", in="${config.in}", name="${config.name}"`;

  const found = config.in === 'header' ? findHeader(request.headers, config.name) : findQuery(request.query, config.name);
  if (found.kind === 'many') return refuse(`The API key was sent more than once in ${place}: send it once.`, challenge);
  if (found.kind === 'none') return refuse(misplaced(config, request) ?? missing(config), challenge);

  // When the key lives in Authorization, accept both "Bearer <key>" and the bare key.
  let key = found.value;
  if (readsAuthorization) {
    const { scheme, credentials } = parseAuthorization(key);
    if (scheme === 'bearer') key = credentials;
  }
  if (key === '') return refuse(`${capitalize(place)} is empty: put your API key in it.`, challenge);
  if (!matchesAnySecret(key, config.keys)) {
    return refuse(`The API key in ${place} is not one of this API's keys (x-gateway.security.keys). Check for a typo or a key from another API.`, challenge);
  }
  const id = fingerprint(key);
  return { ok: true, subscriberKey: `key:${id}`, principal: `API key ${id}` };
}

function missing(config: ApiKeyConfig): string {
  return config.in === 'header'
    ? `Missing API key: send it in the "${config.name}" header.`
    : `Missing API key: add it to the URL as the "${config.name}" query parameter (?${config.name}=<your key>).`;
}

/** The key was sent, but somewhere this API does not read it: say where it belongs. */
function misplaced(config: ApiKeyConfig, request: AuthRequest): string | undefined {
  const authorization = findHeader(request.headers, 'authorization');
  const sentAsBearer = authorization.kind === 'one' && parseAuthorization(authorization.value).scheme === 'bearer';
  const readsAuthorization = config.in === 'header' && config.name.toLowerCase() === 'authorization';
  if (config.in === 'header') {
    if (sentAsBearer && !readsAuthorization) {
      return `The API key was sent as "Authorization: Bearer …", but this API reads it from the "${config.name}" header. Send "${config.name}: <your key>" instead (WSO2's Developer Portal shows the Bearer form; API-key APIs do not accept it).`;
    }
    if (isPresent(findQuery(request.query, config.name))) {
      return `The API key was sent as the "${config.name}" query parameter, but this API reads it from the "${config.name}" header. (Browsers' EventSource cannot send headers: to subscribe from a browser, set "in: query" under x-gateway.security.)`;
    }
    return undefined;
  }
  if (isPresent(findHeader(request.headers, config.name))) {
    return `The API key was sent in the "${config.name}" header, but this API reads it from the query parameter: add ?${config.name}=<your key> to the URL.`;
  }
  if (sentAsBearer) {
    return `The API key was sent as "Authorization: Bearer …", but this API reads it from the "${config.name}" query parameter: add ?${config.name}=<your key> to the URL.`;
  }
  return undefined;
}

const isPresent = (found: Lookup) => found.kind !== 'none';
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

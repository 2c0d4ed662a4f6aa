import type { SecurityConfig } from '../../../shared/model/runtime.ts';
import { ACCESS_TOKEN_PARAM } from './bearer-jwt.ts';

/**
 * The query without the parameter that carried the subscriber's credentials, for the URL the
 * gateway forwards to the backend (and anything it logs). A key or token that authenticated the
 * client to the gateway is not the backend's business, and URLs end up in logs.
 */
export function withoutCredentials(config: SecurityConfig, query: URLSearchParams): URLSearchParams {
  const name = config.type === 'apiKey' && config.in === 'query' ? config.name : config.type === 'jwt' ? ACCESS_TOKEN_PARAM : undefined;
  const rest = new URLSearchParams(query);
  if (name !== undefined) rest.delete(name);
  return rest;
}

/**
 * The same on the raw query string: only the credential pair is removed, every other byte stays as
 * the client wrote it (`a%20b` is not turned into `a+b`), because backends may sign or compare it.
 */
export function stripCredentialParam(config: SecurityConfig, rawQuery: string): string {
  const name = config.type === 'apiKey' && config.in === 'query' ? config.name : config.type === 'jwt' ? ACCESS_TOKEN_PARAM : undefined;
  if (name === undefined || rawQuery === '') return rawQuery;
  return rawQuery
    .split('&')
    .filter((pair) => {
      const key = pair.split('=', 1)[0] ?? '';
      try {
        return decodeURIComponent(key.replace(/\+/g, ' ')) !== name;
      } catch {
        return true;
      }
    })
    .join('&');
}

import type { SecurityConfig } from '../model/runtime.ts';

/** What a subscriber must send, in one sentence; never a key, password or signing secret. */
export function describeGatewaySecurity(security: SecurityConfig): string {
  switch (security.type) {
    case 'none':
      return 'None: anyone may subscribe.';
    case 'apiKey':
      return `An API key in the "${security.name}" ${security.in === 'header' ? 'request header' : 'query parameter'}.`;
    case 'jwt': {
      const claims = [security.issuer && `issuer "${security.issuer}"`, security.audience && `audience "${security.audience}"`].filter(Boolean).join(', ');
      return `A JWT (${security.algorithm}) as "Authorization: Bearer <token>", or in the access_token query parameter${claims ? `; ${claims}` : ''}.`;
    }
    case 'basic':
      return 'HTTP Basic authentication: "Authorization: Basic <user:password in base64>".';
  }
}

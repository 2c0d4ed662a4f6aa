import type { ApiRuntime, SecurityConfig } from '../../../shared/model/runtime.ts';

/** One line per setting for the Overview: what a subscriber needs to know at a glance. */
export function describeSecurity(security: SecurityConfig): string {
  switch (security.type) {
    case 'none':
      return 'None: anyone may subscribe';
    case 'apiKey':
      return `API key in the "${security.name}" ${security.in === 'header' ? 'header' : 'query parameter'} (${plural(security.keys.length, 'key')})`;
    case 'jwt':
      return `JWT ${security.algorithm} bearer token${security.issuer ? `, issuer ${security.issuer}` : ''}${security.audience ? `, audience ${security.audience}` : ''}`;
    case 'basic':
      return `Basic (${plural(security.users.length, 'user')})`;
  }
}

export function describeTransports(runtime: ApiRuntime): string {
  const on = (['http', 'https'] as const).filter((t) => runtime.transports[t]).map((t) => t.toUpperCase());
  return on.join(' + ');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

import { describe, expect, it } from 'vitest';
import { withoutCredentials } from './credential-params.ts';

const query = new URLSearchParams('symbol=ACME&apikey=k-0000001&access_token=t');

describe('withoutCredentials', () => {
  it('removes the API key parameter when keys travel in the query', () => {
    expect(withoutCredentials({ type: 'apiKey', in: 'query', name: 'apikey', keys: ['k-0000001'] }, query).toString()).toBe('symbol=ACME&access_token=t');
  });
  it('removes access_token for JWT APIs', () => {
    expect(withoutCredentials({ type: 'jwt', algorithm: 'HS256', secret: 's'.repeat(16) }, query).toString()).toBe('symbol=ACME&apikey=k-0000001');
  });
  it('leaves other queries alone and does not change its input', () => {
    expect(withoutCredentials({ type: 'none' }, query).toString()).toBe(query.toString());
    expect(withoutCredentials({ type: 'apiKey', in: 'header', name: 'apikey', keys: ['k-0000001'] }, query).toString()).toBe(query.toString());
    expect(query.has('apikey')).toBe(true);
  });
});

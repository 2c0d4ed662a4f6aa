import { describe, expect, it } from 'vitest';
import { stripCredentialParam, withoutCredentials } from './credential-params.ts';

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

describe('stripCredentialParam', () => {
  it('removes only the credential pair and keeps every other byte', () => {
    expect(stripCredentialParam({ type: 'apiKey', in: 'query', name: 'apikey', keys: ['k'.repeat(8)] }, 'q=a%20b&apikey=secret&flag&x=%7E')).toBe('q=a%20b&flag&x=%7E');
    expect(stripCredentialParam({ type: 'jwt', algorithm: 'HS256', secret: 's'.repeat(16) }, 'access_token=t&a=1')).toBe('a=1');
    expect(stripCredentialParam({ type: 'none' }, 'a=1&apikey=2')).toBe('a=1&apikey=2');
    expect(stripCredentialParam({ type: 'apiKey', in: 'header', name: 'apikey', keys: ['k'.repeat(8)] }, 'apikey=2')).toBe('apikey=2');
  });
});

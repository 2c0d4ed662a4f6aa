import { describe, expect, it } from 'vitest';
import { corsHeaders, preflightHeaders } from './cors.ts';

describe('corsHeaders', () => {
  it('adds nothing to a request without Origin (not a CORS request)', () => {
    expect(corsHeaders(['http://localhost:3000'], undefined)).toEqual({});
    expect(corsHeaders(['*'], undefined)).toEqual({});
  });
  it('answers "*" for any origin when "*" is allowed, without credentials or Vary', () => {
    expect(corsHeaders(['*'], 'https://anywhere.example')).toEqual({ 'access-control-allow-origin': '*' });
    expect(corsHeaders(['*'], 'null')).toEqual({ 'access-control-allow-origin': '*' });
  });
  it('echoes a listed origin with credentials and Vary: Origin', () => {
    expect(corsHeaders(['http://localhost:3000', 'https://app.example'], 'https://app.example')).toEqual({
      'access-control-allow-origin': 'https://app.example',
      'access-control-allow-credentials': 'true',
      vary: 'Origin',
    });
  });
  it('forbids an origin that is not listed', () => {
    expect(corsHeaders(['http://localhost:3000'], 'http://localhost:3001')).toBe('forbidden');
    expect(corsHeaders(['http://localhost:3000'], 'https://localhost:3000')).toBe('forbidden');
    expect(corsHeaders([], 'http://localhost:3000')).toBe('forbidden');
  });
  it('never trusts the opaque "null" origin by name', () => {
    expect(corsHeaders(['null'], 'null')).toBe('forbidden');
  });
  it('compares origins as browsers serialize them (case, default port, trailing slash)', () => {
    expect(corsHeaders(['HTTP://LocalHost:80/'], 'http://localhost')).toMatchObject({ 'access-control-allow-origin': 'http://localhost' });
    expect(corsHeaders(['https://app.example:443'], 'https://app.example')).not.toBe('forbidden');
    expect(corsHeaders(['http://[::1]:5173'], 'http://[::1]:5173')).not.toBe('forbidden');
  });
  it('lets a listed origin have credentials and everyone else "*" when both are configured', () => {
    expect(corsHeaders(['*', 'https://app.example'], 'https://app.example')).toMatchObject({ 'access-control-allow-credentials': 'true', vary: 'Origin' });
    expect(corsHeaders(['*', 'https://app.example'], 'https://other.example')).toEqual({ 'access-control-allow-origin': '*', vary: 'Origin' });
  });
});

describe('preflightHeaders', () => {
  it('allows GET and the headers SSE clients send, for 10 minutes', () => {
    expect(preflightHeaders(['*'], 'https://app.example')).toEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET',
      'access-control-allow-headers': 'last-event-id, authorization, cache-control, accept',
      'access-control-max-age': '600',
    });
  });
  it('allows the header that carries the API key', () => {
    const headers = preflightHeaders(['https://app.example'], 'https://app.example', { type: 'apiKey', in: 'header', name: 'X-Api-Key', keys: ['k-0000001'] });
    expect(headers).toMatchObject({ 'access-control-allow-headers': 'last-event-id, authorization, cache-control, accept, x-api-key', 'access-control-allow-credentials': 'true', vary: 'Origin' });
  });
  it('forbids an unlisted origin and adds nothing without Origin', () => {
    expect(preflightHeaders(['https://app.example'], 'https://evil.example')).toBe('forbidden');
    expect(preflightHeaders(['https://app.example'], undefined)).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import type { SecurityConfig } from '../../../shared/model/runtime.ts';
import { authenticateBasic, BASIC_CHALLENGE } from './basic.ts';

const config: Extract<SecurityConfig, { type: 'basic' }> = {
  type: 'basic',
  users: [
    { username: 'alice', password: 'wonder:land' },
    { username: 'jörg', password: 'pässword' },
  ],
};
const basic = (text: string) => ({ headers: { authorization: `Basic ${Buffer.from(text, 'utf8').toString('base64')}` }, query: new URLSearchParams() });
const raw = (authorization?: string) => ({ headers: { authorization }, query: new URLSearchParams() });

describe('HTTP Basic', () => {
  it('accepts a configured user; the password may contain ":"', () => {
    expect(authenticateBasic(config, basic('alice:wonder:land'))).toEqual({ ok: true, subscriberKey: 'user:alice', principal: 'alice' });
  });
  it('decodes UTF-8 user names and passwords (RFC 7617 charset)', () => {
    expect(authenticateBasic(config, basic('jörg:pässword'))).toMatchObject({ ok: true, subscriberKey: 'user:jörg' });
  });
  it('gives one message for a wrong password and an unknown user, with the Basic challenge', () => {
    const wrongPassword = authenticateBasic(config, basic('alice:guess'));
    const unknownUser = authenticateBasic(config, basic('mallory:wonder:land'));
    expect(wrongPassword).toEqual({ ok: false, status: 401, message: 'Wrong user name or password for HTTP Basic authentication.', wwwAuthenticate: BASIC_CHALLENGE });
    expect(unknownUser).toEqual(wrongPassword);
    expect(BASIC_CHALLENGE).toBe('Basic realm="SSE Studio gateway", charset="UTF-8"');
  });
  it('accepts the scheme in any case', () => {
    expect(authenticateBasic(config, raw(`BASIC ${Buffer.from('alice:wonder:land').toString('base64')}`)).ok).toBe(true);
  });
  it('asks for credentials when there are none', () => {
    expect(authenticateBasic(config, raw())).toMatchObject({ ok: false, message: expect.stringContaining('send "Authorization: Basic'), wwwAuthenticate: BASIC_CHALLENGE });
  });
  it('refuses another scheme, saying which was used', () => {
    const result = authenticateBasic(config, raw('Bearer abc.def.ghi'));
    expect(!result.ok && result.message).toContain('uses the "bearer" scheme');
  });
  it('refuses malformed base64 instead of decoding junk', () => {
    for (const credentials of ['not base64!', 'YWxpY2U6d29uZGVy*', 'YWJj', '', 'YWxpY2U6d29uZGVyOmxhbmQ']) {
      const result = authenticateBasic(config, raw(`Basic ${credentials}`));
      expect(result.ok, credentials).toBe(false);
    }
    const result = authenticateBasic(config, raw('Basic %%%%'));
    expect(!result.ok && result.message).toContain('not valid base64');
  });
  it('refuses bytes that are not UTF-8', () => {
    const latin1 = Buffer.from([0x61, 0x3a, 0xe9, 0xe9]).toString('base64');
    expect(authenticateBasic(config, raw(`Basic ${latin1}`))).toMatchObject({ ok: false, message: expect.stringContaining('UTF-8') });
  });
  it('refuses credentials without a colon', () => {
    expect(authenticateBasic(config, basic('alicewonderland'))).toMatchObject({ ok: false, message: expect.stringContaining('no ":"') });
  });
  it('never echoes the password', () => {
    expect(JSON.stringify(authenticateBasic(config, basic('alice:Sup3rSecret')))).not.toContain('Sup3rSecret');
  });
});

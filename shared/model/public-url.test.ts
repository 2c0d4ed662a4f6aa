import { describe, expect, it } from 'vitest';
import { withoutUserInfo } from './public-url.ts';

describe('withoutUserInfo', () => {
  it('drops user and password, and only them', () => {
    expect(withoutUserInfo('https://svc:PASS@backend.internal:8443/feed')).toBe('https://backend.internal:8443/feed');
    expect(withoutUserInfo('http://token@127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });

  it('leaves a URL without credentials exactly as written (an @ in the path is not user info)', () => {
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:8080/base/', 'https://a.example/feeds/@me', 'not a url']) {
      expect(withoutUserInfo(url)).toBe(url);
    }
  });
});

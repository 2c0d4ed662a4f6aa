import { describe, expect, it } from 'vitest';
import { externalHttpUrl, isAppPage, isPermissionAllowed, isTrustedSender, withContentSecurityPolicy } from './window-policy.ts';

const APP = 'file:///opt/SSE%20Studio/resources/app.asar/dist/renderer/index.html';

describe('isAppPage', () => {
  it('accepts the app page, with or without a route in the fragment or query', () => {
    expect(isAppPage(APP, APP)).toBe(true);
    expect(isAppPage(`${APP}#/apis/stock-ticker`, APP)).toBe(true);
    expect(isAppPage(`${APP}?tab=viewer`, APP)).toBe(true);
  });

  it('accepts other spellings of the same file URL', () => {
    expect(isAppPage('file:///opt/SSE Studio/resources/app.asar/dist/renderer/index.html', APP)).toBe(true);
    expect(isAppPage('file://localhost/opt/SSE%20Studio/resources/app.asar/dist/renderer/index.html', APP)).toBe(true);
  });

  it('refuses other files, other schemes and garbage', () => {
    expect(isAppPage('file:///opt/SSE%20Studio/resources/app.asar/dist/renderer/other.html', APP)).toBe(false);
    expect(isAppPage('file:///etc/passwd', APP)).toBe(false);
    expect(isAppPage('file:///opt/SSE%20Studio/resources/app.asar/dist/renderer/../renderer/index.html.evil', APP)).toBe(false);
    expect(isAppPage('https://example.com/dist/renderer/index.html', APP)).toBe(false);
    expect(isAppPage('http://127.0.0.1:8280/', APP)).toBe(false);
    expect(isAppPage('file://evil-host/opt/SSE%20Studio/resources/app.asar/dist/renderer/index.html', APP)).toBe(false);
    expect(isAppPage('not a url', APP)).toBe(false);
    expect(isAppPage('', APP)).toBe(false);
  });

  it('treats dot segments as the path they resolve to', () => {
    expect(isAppPage('file:///opt/SSE%20Studio/resources/app.asar/dist/other/../renderer/index.html', APP)).toBe(true);
  });
});

describe('externalHttpUrl', () => {
  it('passes http and https links to the system browser', () => {
    expect(externalHttpUrl('https://www.asyncapi.com/docs')).toBe('https://www.asyncapi.com/docs');
    expect(externalHttpUrl('http://127.0.0.1:8280/stocks/1.0.0/prices')).toBe('http://127.0.0.1:8280/stocks/1.0.0/prices');
  });

  it('refuses every other scheme and links with credentials', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-settings:', 'data:text/html,hi', 'mailto:a@b.c', 'https://user:pw@example.com/', 'nonsense']) {
      expect(externalHttpUrl(url), url).toBeUndefined();
    }
  });
});

describe('isTrustedSender', () => {
  const trusted = { fromAppWindow: true, isMainFrame: true, frameUrl: `${APP}#/` };

  it('trusts the app page in our window\'s main frame', () => {
    expect(isTrustedSender(trusted, APP)).toBe(true);
  });

  it('refuses other windows, sub-frames, other pages and destroyed frames', () => {
    expect(isTrustedSender({ ...trusted, fromAppWindow: false }, APP)).toBe(false);
    expect(isTrustedSender({ ...trusted, isMainFrame: false }, APP)).toBe(false);
    expect(isTrustedSender({ ...trusted, frameUrl: 'https://example.com/' }, APP)).toBe(false);
    expect(isTrustedSender({ ...trusted, frameUrl: undefined }, APP)).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it('lets the app page write text to the clipboard', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', APP, APP)).toBe(true);
  });

  it('refuses everything else, and the clipboard to any other page', () => {
    for (const permission of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fullscreen', 'unknown']) {
      expect(isPermissionAllowed(permission, APP, APP), permission).toBe(false);
    }
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.com/', APP)).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined, APP)).toBe(false);
  });
});

describe('withContentSecurityPolicy', () => {
  it('replaces any policy the response had, whatever its header case, and keeps the other headers', () => {
    const headers = { 'content-type': ['text/html'], 'Content-Security-Policy': ['default-src *'], 'content-security-policy': ['script-src *'] };
    expect(withContentSecurityPolicy(headers, "default-src 'self'")).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] });
  });

  it('adds the policy to responses without headers', () => {
    expect(withContentSecurityPolicy(undefined, "default-src 'self'")).toEqual({ 'Content-Security-Policy': ["default-src 'self'"] });
  });
});

import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './serve-args.ts';

describe('parseServeArgs', () => {
  it('defaults to 127.0.0.1, gateway 8280 + HTTPS 8243, mock 8080, UI on any free port', () => {
    expect(parseServeArgs(['proj'])).toEqual({ ok: true, value: { project: 'proj', host: '127.0.0.1', gatewayPort: 8280, httpsPort: 8243, mockPort: 8080, uiPort: 0, accessLog: false, explicit: [] } });
  });
  it('takes ports, 0, off and --no-… flags', () => {
    const r = parseServeArgs(['p', '--gateway-port', '0', '--mock-port=off', '--no-ui', '--no-https', '--host', '0.0.0.0', '--access-log']);
    expect(r).toEqual({ ok: true, value: { project: 'p', host: '0.0.0.0', gatewayPort: 0, httpsPort: null, mockPort: null, uiPort: null, accessLog: true, explicit: ['host', 'gatewayPort', 'httpsPort', 'mockPort', 'uiPort'] } });
  });
  it('takes a certificate and key together', () => {
    const r = parseServeArgs(['p', '--tls-cert', 'c.pem', '--tls-key', 'k.pem']);
    expect(r.ok && 'value' in r && r.value.tls).toEqual({ certPath: 'c.pem', keyPath: 'k.pem' });
    expect(parseServeArgs(['p', '--tls-cert', 'c.pem'])).toMatchObject({ ok: false, message: /both --tls-cert and --tls-key/ });
  });
  it.each([
    [[], /Give a project folder/],
    [['a', 'b'], /one project folder or file, not 2/],
    [['p', '--gateway-port', 'abc'], /--gateway-port must be a port number/],
    [['p', '--ui-port', '70000'], /--ui-port must be a port number/],
    [['p', '--bogus'], /Unknown option '--bogus'.*serve --help/],
    [['p', '--no-ui', '--ui-port', '9000'], /contradict/],
    [['p', '--gateway-port', '9000', '--mock-port', '9000'], /both 9000/],
    [['p', '--host', ''], /--host must be an address/],
  ])('refuses %j with one clear line', (argv, message) => {
    const r = parseServeArgs(argv as string[]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(message);
      expect(r.message).not.toContain('\n');
    }
  });
  it('answers --help', () => expect(parseServeArgs(['--help'])).toEqual({ ok: true, help: true }));
});

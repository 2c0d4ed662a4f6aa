/**
 * APIs written against the mock's usual address (http://localhost:8080, as in the WSO2 docs) must
 * still reach the mock when it runs elsewhere (`--mock-port 0`, or 8080 taken by another program).
 * The gateway then streams from the mock's actual address; the file on disk is not changed.
 */
const MOCK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function resolveMockEndpoint(endpoint: string, defaultMockPort: number, actualMockUrl: string | undefined): string {
  if (!actualMockUrl) return endpoint;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return endpoint;
  }
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  if (url.protocol !== 'http:' || !MOCK_HOSTS.has(url.hostname) || port !== defaultMockPort) return endpoint;
  const actual = new URL(actualMockUrl);
  if (actual.port === url.port && actual.hostname === url.hostname) return endpoint;
  return actual.origin + (url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, ''));
}

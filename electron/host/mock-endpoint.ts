/**
 * Where the gateway streams an API from when its endpoint is the mock backend.
 *  - APIs written against the mock's usual address (http://localhost:8080, as in the WSO2 docs)
 *    must still reach the mock when it runs elsewhere (`--mock-port 0`, or 8080 taken by another
 *    program): the gateway then streams from the mock's actual address.
 *  - Each API has its own mount on the mock (electron/mock/mock-mount.ts), so two APIs with the
 *    same topic path never get each other's messages: the gateway streams from that mount.
 * The file on disk is not changed; the URL in use is shown in the UI (ApiSummary.endpointInUse).
 */
const MOCK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function resolveMockEndpoint(endpoint: string, defaultMockPort: number, actualMockUrl: string | undefined, mountPath = ''): string {
  if (!actualMockUrl) return endpoint;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return endpoint;
  }
  const actual = new URL(actualMockUrl);
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  const actualPort = Number(actual.port || 80);
  if (url.protocol !== 'http:' || !MOCK_HOSTS.has(url.hostname) || (port !== defaultMockPort && port !== actualPort)) return endpoint;
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, '');
  if (!mountPath && actual.port === url.port && actual.hostname === url.hostname) return endpoint;
  return actual.origin + mountPath + path;
}

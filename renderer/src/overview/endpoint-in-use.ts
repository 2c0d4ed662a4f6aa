/**
 * The backend the gateway really streams from, said briefly when it differs from the endpoint in the
 * file: an API written for the mock's usual address (http://localhost:8080) reaches the running mock
 * wherever it listens, under its own mount (/apis/<name>-<hash>), and the page should say so
 * rather than show a URL that looks wrong.
 */
export function describeEndpointInUse(endpoint: string, endpointInUse: string, mockUrl: string | null): string | undefined {
  if (endpointInUse === endpoint) return undefined;
  const inUse = safeUrl(endpointInUse);
  const mock = mockUrl ? safeUrl(mockUrl) : undefined;
  // The path is the API's own mount on the mock (its streams are its own): keep it visible.
  if (inUse && mock && inUse.origin === mock.origin) return `mock on :${mock.port || (mock.protocol === 'https:' ? '443' : '80')}${inUse.pathname === '/' ? '' : inUse.pathname}`;
  return endpointInUse;
}

function safeUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

import http from 'node:http';

/**
 * Reads a response's raw body until `expectedBytes` have arrived (or the time is up) and resolves
 * with what arrived either way, so a byte-for-byte assertion can show what is missing or extra
 * instead of a bare timeout. A real SSE stream never ends by itself, hence the byte count.
 */
export function captureBytes(url: string, expectedBytes: number, options: { timeoutMs?: number; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; body: Buffer; timedOut: boolean }>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let status = 0;
    const finish = (timedOut: boolean) => {
      clearTimeout(timer);
      req.destroy();
      resolve({ status, body: Buffer.concat(chunks, received), timedOut });
    };
    const req = http.get(url, { headers: { accept: 'text/event-stream', ...options.headers } }, (res) => {
      status = res.statusCode ?? 0;
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        received += chunk.length;
        if (received >= expectedBytes) finish(false);
      });
      res.on('end', () => finish(false));
    });
    const timer = setTimeout(() => finish(true), options.timeoutMs ?? 5000);
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/**
 * undefined when `actual` equals `expected`; otherwise where they first differ, with a few escaped
 * bytes of context (readable for 1 MB bodies, where a full diff is not).
 */
export function firstDifference(expected: Buffer, actual: Buffer): string | undefined {
  if (expected.equals(actual)) return undefined;
  let at = 0;
  while (at < expected.length && at < actual.length && expected[at] === actual[at]) at++;
  const show = (b: Buffer) => JSON.stringify(b.subarray(Math.max(0, at - 16), at + 16).toString('latin1'));
  return `expected ${expected.length} bytes, got ${actual.length}; first difference at byte ${at}: expected …${show(expected)}…, got …${show(actual)}…`;
}

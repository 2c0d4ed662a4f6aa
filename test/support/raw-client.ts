import http from 'node:http';

/**
 * Reads a response's raw bytes (no SSE parsing) until `until(bytes)` says enough, then closes.
 * For byte-for-byte checks and for watching comments the parsers hide.
 */
export function readRaw(url: string, until: (received: Buffer) => boolean, options: { headers?: Record<string, string>; timeoutMs?: number } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const req = http.get(url, { headers: { accept: 'text/event-stream', ...options.headers } }, (res) => {
      const finish = () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      };
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (until(Buffer.concat(chunks))) finish();
      });
      res.on('end', finish);
      res.on('error', finish);
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`readRaw ${url}: timed out after ${options.timeoutMs ?? 5000} ms with ${Buffer.concat(chunks).length} bytes: ${JSON.stringify(Buffer.concat(chunks).toString('latin1').slice(-300))}`));
    }, options.timeoutMs ?? 5000);
    req.on('error', reject);
  });
}

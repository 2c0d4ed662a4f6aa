import type { CorsEvidence } from './evidence.ts';
import { openStream } from './open-stream.ts';

/** One request with `Origin`, read for its CORS headers, then closed. */
export async function probeCors(url: URL, origin: string, headers: Record<string, string>, http2: boolean, insecure: boolean, timeoutMs: number): Promise<CorsEvidence> {
  try {
    const answer = await openStream(url, { headers: { ...headers, origin }, http2, insecure, timeoutMs });
    answer.close();
    return { origin, status: answer.status, allowOrigin: answer.headers['access-control-allow-origin'], allowCredentials: answer.headers['access-control-allow-credentials'], error: undefined };
  } catch (err) {
    return { origin, status: undefined, allowOrigin: undefined, allowCredentials: undefined, error: (err as Error).message };
  }
}

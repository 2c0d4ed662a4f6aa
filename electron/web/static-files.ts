import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/** Serves the built renderer. Paths are resolved inside `root` only; unknown paths get index.html. */
export async function serveStatic(root: string, urlPath: string, res: ServerResponse, headers: Record<string, string>): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const resolved = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (resolved !== root && !resolved.startsWith(root + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  let file = resolved;
  let stat = await fs.stat(file).catch(() => undefined);
  if (!stat?.isFile()) {
    // Single-page app: routes without a file are the app itself; asset misses stay 404s.
    if (path.extname(decoded)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    file = path.join(root, 'index.html');
    stat = await fs.stat(file).catch(() => undefined);
    if (!stat) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('The UI is not built: run "npm run build" and reload.\n');
      return;
    }
  }
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { ...headers, 'content-type': type, 'content-length': stat.size, 'cache-control': cache });
  res.end(await fs.readFile(file));
}

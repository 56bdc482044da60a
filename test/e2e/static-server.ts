// A static file server with single-range support for browser tests and benchmarks: URL prefixes
// map to folders (`/corpus/` → the PDF corpus), everything else to the built renderer.
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface Served {
  path: string;
  status: number;
  bytes: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.pdf': 'application/pdf', '.svg': 'image/svg+xml',
};

/** Static files with single-range support: `/corpus/*` and `/gen/*` map to folders, the rest to the build. */
export function startServer(mounts: Record<string, string>, fallback: string): Promise<{ server: http.Server; url: string; log: Served[] }> {
  const log: Served[] = [];
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const mount = Object.keys(mounts).find((prefix) => pathname.startsWith(prefix));
    const base = mount ? mounts[mount] ?? fallback : fallback;
    const relative = path.normalize(mount ? pathname.slice(mount.length) : pathname).replace(/^[/\\]+/, '');
    const file = path.join(base, relative);
    const stat = file.startsWith(base) && existsSync(file) ? statSync(file) : null;
    if (!stat?.isFile()) {
      log.push({ path: pathname, status: 404, bytes: 0 });
      res.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store',
    };
    let start = 0;
    let end = stat.size - 1;
    let status = 200;
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      start = Number(range[1]);
      end = range[2] ? Math.min(Number(range[2]), stat.size - 1) : stat.size - 1;
      status = 206;
      headers['Content-Range'] = `bytes ${start}-${end}/${stat.size}`;
    }
    headers['Content-Length'] = String(end - start + 1);
    res.writeHead(status, headers);
    const entry: Served = { path: pathname, status, bytes: 0 };
    log.push(entry);
    const stream = createReadStream(file, { start, end });
    stream.on('data', (chunk) => {
      entry.bytes += chunk.length;
    });
    stream.pipe(res);
    res.on('close', () => stream.destroy());
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, log }));
  });
}

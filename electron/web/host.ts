// The local web host: the renderer and the API contract over HTTP on 127.0.0.1, with a random
// per-run token and Host/Origin checks. Browser end-to-end tests and `npm start` without Electron
// run the real UI against it.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { BundleSource } from '../../shared/api/contract';
import { parseRange, rangeHeaders } from '../core/http/range';
import { SECURITY_HEADERS } from '../core/http/content-security';
import { documentFile } from '../core/store/document-store';
import { openWorkstation, type Workstation } from '../core/store/workstation';
import { createWorkspace, type SearchService } from '../core/workspace/api-handlers';
import { dispatch } from '../core/workspace/dispatch';
import { NotFoundError, RequestError } from '../core/workspace/errors';
import { knownDocument } from '../core/workspace/round-views';
import { checkRequest, tokenCookie } from './request-guard';
import { contentType, staticFile } from '../core/http/static-files';

export interface WebHostOptions {
  dataDir: string;
  rendererDir: string;
  port?: number;
  token?: string;
  version: string;
  /** The text search over the workstation, and the job that extracts text after imports. */
  search: (workstation: Workstation) => { service: SearchService; startIndexing: () => void; stop: () => Promise<void> };
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_JSON_BYTES = 8 * 1024 * 1024;

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BYTES) throw new RequestError('too-large', 'request body too large');
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new RequestError('bad-request', 'request body is not JSON');
  }
}

function send(response: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const workstation = await openWorkstation(options.dataDir, { create: true });
  const uploadsDir = path.join(os.tmpdir(), `reviewdesk-uploads-${process.pid}-${randomBytes(4).toString('hex')}`);
  const search = options.search(workstation);
  const uploads = new Map<string, string>();
  const workspace = createWorkspace({
    workstation,
    info: { version: options.version, host: 'web' },
    search: search.service,
    onImported: () => search.startIndexing(),
    resolveSource: async (source: BundleSource) => {
      if (source.kind !== 'upload') throw new RequestError('path-not-allowed', 'the web host opens uploaded files only');
      const file = uploads.get(source.uploadId);
      if (file === undefined) throw new RequestError('not-found', 'the uploaded file is gone; choose it again');
      const label = path.basename(file).replace(/^[0-9a-f]{32}-/, '');
      return {
        file,
        label,
        dispose: async () => {
          uploads.delete(source.uploadId);
          await rm(file, { force: true });
        },
      };
    },
  });
  let port = 0;

  async function upload(request: IncomingMessage, response: ServerResponse): Promise<void> {
    await mkdir(uploadsDir, { recursive: true, mode: 0o700 });
    const uploadId = randomBytes(16).toString('hex');
    const name = path.basename(decodeURIComponent(String(request.headers['x-file-name'] ?? 'bundle.rdbundle'))).replace(/[^\p{L}\p{N}._ -]/gu, '_');
    const file = path.join(uploadsDir, `${uploadId}-${name}`);
    await pipeline(request, createWriteStream(file, { mode: 0o600 }));
    uploads.set(uploadId, file);
    send(response, 200, JSON.stringify({ ok: true, result: { kind: 'upload', uploadId } }), 'application/json');
  }

  async function serveDocument(request: IncomingMessage, response: ServerResponse, documentId: string): Promise<void> {
    const document = knownDocument(workstation.db, documentId);
    if (document === undefined) return send(response, 404, 'no such document');
    const file = documentFile(workstation.documentsDir, document.sha256);
    const answer = parseRange(request.headers.range, document.size);
    const { status, headers } = rangeHeaders(answer, document.size);
    response.writeHead(status, { ...SECURITY_HEADERS, ...headers });
    if (request.method === 'HEAD' || answer.kind === 'unsatisfiable') return void response.end();
    const stream = answer.kind === 'partial' ? createReadStream(file, { start: answer.start, end: answer.end }) : createReadStream(file);
    await pipeline(stream, response);
  }

  /** A bundle the round builder packed, as a download (streamed from disk). */
  async function serveBuiltBundle(response: ServerResponse, draftId: string, version: string): Promise<void> {
    if (!/^[1-9][0-9]{0,8}$/.test(version)) return send(response, 404, 'no such bundle');
    const found = await workspace.drafts.bundleFile(draftId, Number(version)).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (found === null) return send(response, 404, 'no such bundle');
    const { file, fileName, bytes } = found;
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(bytes),
      'Content-Disposition': `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'Cache-Control': 'no-store',
    });
    await pipeline(createReadStream(file), response);
  }

  async function serveStatic(response: ServerResponse, pathname: string, setCookie: boolean): Promise<void> {
    let file = staticFile(options.rendererDir, pathname);
    if (file === null) return send(response, 404, 'not found');
    const info = await stat(file).catch(() => null);
    if (info === null || !info.isFile()) {
      if (path.extname(pathname) !== '') return send(response, 404, 'not found');
      file = path.join(options.rendererDir, 'index.html');
      if ((await stat(file).catch(() => null)) === null) return send(response, 404, 'the renderer is not built (npm run build)');
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentType(file),
      'Cache-Control': file.endsWith('.html') ? 'no-store' : 'private, max-age=3600',
      ...(setCookie ? { 'Set-Cookie': `${tokenCookie(port)}=${token}; HttpOnly; SameSite=Strict; Path=/` } : {}),
    });
    await pipeline(createReadStream(file), response);
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const verdict = checkRequest(
      {
        method: request.method ?? 'GET',
        host: request.headers.host,
        origin: request.headers.origin,
        cookie: request.headers.cookie,
        queryToken: url.searchParams.get('token') ?? undefined,
        headerToken: typeof request.headers['x-reviewdesk-token'] === 'string' ? request.headers['x-reviewdesk-token'] : undefined,
      },
      { port, token },
    );
    if (!verdict.ok) return send(response, verdict.status, `refused: ${verdict.reason}`);
    const handle = async () => {
      if (request.method === 'POST' && url.pathname === '/api/upload') return upload(request, response);
      if (request.method === 'POST' && url.pathname.startsWith('/api/')) {
        const outcome = await dispatch(workspace.handlers, url.pathname.slice('/api/'.length), await readJson(request));
        return send(response, 200, JSON.stringify(outcome), 'application/json');
      }
      if ((request.method === 'GET' || request.method === 'HEAD') && url.pathname.startsWith('/documents/')) {
        return serveDocument(request, response, url.pathname.slice('/documents/'.length));
      }
      const built = /^\/built-bundles\/([0-9a-f]{32})\/([^/]+)$/.exec(url.pathname);
      if (request.method === 'GET' && built !== null) return serveBuiltBundle(response, built[1]!, built[2]!);
      if (request.method === 'GET') return serveStatic(response, url.pathname, url.searchParams.has('token'));
      return send(response, 405, 'method not allowed');
    };
    handle().catch((error: unknown) => {
      if (process.env.REVIEWDESK_DEBUG) console.error(error);
      if (response.headersSent) return void response.destroy();
      const code = error instanceof RequestError ? error.code : 'failed';
      send(response, 200, JSON.stringify({ ok: false, error: { code, message: error instanceof Error ? error.message : String(error) } }), 'application/json');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
  search.startIndexing();
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await workspace.close();
      await search.stop();
      workstation.close();
      await rm(uploadsDir, { recursive: true, force: true });
    },
  };
}

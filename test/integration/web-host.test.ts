// The local web host over real HTTP: the guard (token, Host, Origin), the API contract end to end
// (upload, open, confirm the issuer, import job, round, applicant, sheet), and documents by range.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packBundle } from '../../electron/core/bundle/pack';
import { createTextSearch } from '../../electron/core/workspace/text-search';
import { startWebHost, type WebHost } from '../../electron/web/host';
import { makeKey, makeRoundDir, tempDir } from '../helpers/fixtures';
import { bundleScript } from '../helpers/run-ts';

const work = tempDir();
let host: WebHost;
let bundle: string;
let origin: string;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function send(method: string, pathname: string, options: { headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, method, path: pathname, headers: { Host: `127.0.0.1:${host.port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = () => ({ Cookie: `reviewdesk_token_${host.port}=${host.token}`, Origin: origin });

async function api<T>(channel: string, body: unknown): Promise<{ ok: boolean; result: T; error: { code: string; message: string } }> {
  const reply = await send('POST', `/api/${channel}`, { headers: { ...auth(), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(reply.status).toBe(200);
  return JSON.parse(reply.body.toString()) as { ok: boolean; result: T; error: { code: string; message: string } };
}

beforeAll(async () => {
  const { key } = makeKey(work, 'secretariat');
  bundle = path.join(work, 'round.rdbundle');
  await packBundle({ dir: makeRoundDir(path.join(work, 'round')), key, out: bundle });
  const renderer = path.join(work, 'renderer');
  mkdirSync(renderer);
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>test</title>');
  const workerFile = await bundleScript(path.resolve(__dirname, '../../electron/core/search/indexer-worker.ts'));
  host = await startWebHost({
    dataDir: path.join(work, 'data'),
    rendererDir: renderer,
    version: 'test',
    search: (workstation) => createTextSearch(workstation, workerFile),
  });
  origin = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host?.close();
});

describe('guard', () => {
  it('refuses a missing or wrong token, a foreign Host and a foreign Origin', async () => {
    expect((await send('POST', '/api/rounds.list', { headers: { Origin: origin }, body: '{}' })).status).toBe(401);
    expect((await send('POST', '/api/rounds.list', { headers: { Origin: origin, Cookie: `reviewdesk_token_${host.port}=wrong` }, body: '{}' })).status).toBe(401);
    expect((await send('POST', '/api/rounds.list', { headers: { ...auth(), Host: `evil.example:${host.port}` }, body: '{}' })).status).toBe(403);
    expect((await send('POST', '/api/rounds.list', { headers: { ...auth(), Origin: 'http://evil.example' }, body: '{}' })).status).toBe(403);
    expect((await send('GET', '/')).status).toBe(401);
  });

  it('opens the page with the URL token and sets an HttpOnly, SameSite cookie', async () => {
    const reply = await send('GET', `/?token=${host.token}`);
    expect(reply.status).toBe(200);
    expect(String(reply.headers['set-cookie'])).toMatch(new RegExp(`reviewdesk_token_${host.port}=.*HttpOnly; SameSite=Strict`));
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('serves a packed bundle only with the token, and only one the round builder packed', async () => {
    const unknown = `/built-bundles/${'0'.repeat(32)}/1`;
    expect((await send('GET', unknown)).status).toBe(401);
    expect((await send('GET', unknown, { headers: auth() })).status).toBe(404);
    expect((await send('GET', `/built-bundles/${'0'.repeat(32)}/0`, { headers: auth() })).status).toBe(404);
  });

  it('answers bad calls with clear errors', async () => {
    expect((await api('no.such.call', {})).error.code).toBe('unknown-call');
    expect((await api('round.get', { roundId: 1 })).error.code).toBe('bad-request');
    expect((await api('round.get', { roundId: 'x', extra: true })).error.code).toBe('bad-request');
    expect((await api('round.get', { roundId: 'nope' })).error).toMatchObject({ code: 'not-found' });
  });
});

describe('the workspace over HTTP', () => {
  it('imports an uploaded bundle after the issuer is confirmed, then reads and saves sheets', async () => {
    const upload = await send('POST', '/api/upload', { headers: { ...auth(), 'X-File-Name': encodeURIComponent('材料包.rdbundle') }, body: readFileSync(bundle) });
    const source = (JSON.parse(upload.body.toString()) as { result: { kind: string; uploadId: string } }).result;
    const preview = await api<{ openId: string; issuer: { trust: string; fingerprint: string }; fileName: string }>('bundle.open', { source });
    expect(preview.ok).toBe(true);
    expect(preview.result.issuer.trust).toBe('unknown');
    expect(preview.result.fileName).toBe('材料包.rdbundle');
    expect((await api('bundle.import', { openId: preview.result.openId })).error.code).toBe('issuer-not-confirmed');
    const { result } = await api<{ jobId: string }>('bundle.import', { openId: preview.result.openId, confirmIssuer: preview.result.issuer.fingerprint });
    let job: { state: string; result?: { outcome: string } } = { state: 'running' };
    for (let i = 0; i < 200 && job.state === 'running'; i++) {
      job = (await api<typeof job>('job.get', { jobId: result.jobId })).result;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(job).toMatchObject({ state: 'done', result: { outcome: 'imported' } });

    const round = (await api<{ applicants: { id: string; status: string }[]; summary: { issuer: { trust: string } } }>('round.get', { roundId: 'nmgaf-2025-awards' })).result;
    expect(round.applicants.map((row) => [row.id, row.status])).toEqual([['A001', 'not-started'], ['A002', 'not-started'], ['B001', 'not-started']]);
    expect(round.summary.issuer.trust).toBe('pinned');

    const applicant = (await api<{ documents: { id: string; size: number }[]; nextId: string }>('applicant.get', { roundId: 'nmgaf-2025-awards', applicantId: 'A001' })).result;
    expect(applicant.documents).toHaveLength(2);
    expect(applicant.nextId).toBe('A002');

    const draft = { conflict: false, conflictReason: '', checks: { k1: true }, scores: { c1: '26', c2a: '8', c2b: '14' }, criterionComments: {}, comment: '材料齐全' };
    const invalid = await api<{ status: string; problems: { path: string }[]; total: number }>('sheet.save', { roundId: 'nmgaf-2025-awards', applicantId: 'A001', draft });
    expect(invalid.result.status).toBe('draft');
    expect(invalid.result.problems.map((problem) => problem.path)).toContain('scores.c1');
    expect(invalid.result.total).toBe(22);
    const valid = await api<{ status: string; total: number }>('sheet.save', { roundId: 'nmgaf-2025-awards', applicantId: 'A001', draft: { ...draft, scores: { ...draft.scores, c1: '22.5' } } });
    expect(valid.result).toMatchObject({ status: 'complete', total: 44.5 });
    const again = (await api<{ sheet: { draft: { scores: Record<string, string> }; status: string } }>('applicant.get', { roundId: 'nmgaf-2025-awards', applicantId: 'A001' })).result;
    expect(again.sheet).toMatchObject({ status: 'complete', draft: { scores: { c1: '22.5' } } });

    const document = applicant.documents[0]!;
    const whole = await send('GET', `/documents/${document.id}`, { headers: auth() });
    expect(whole.status).toBe(200);
    expect(whole.body.length).toBe(document.size);
    const part = await send('GET', `/documents/${document.id}`, { headers: { ...auth(), Range: 'bytes=0-7' } });
    expect(part.status).toBe(206);
    expect(part.body.toString('latin1')).toBe(whole.body.subarray(0, 8).toString('latin1'));
    expect((await send('GET', `/documents/${'0'.repeat(64)}`, { headers: auth() })).status).toBe(404);
    // Dot segments collapse before routing: this is the app page, never a file outside the host's folders.
    expect((await send('GET', '/documents/../../etc/passwd', { headers: auth() })).body.toString()).toContain('<title>test</title>');
    expect((await send('GET', '/documents/A001%2F..%2F..%2Fetc%2Fpasswd', { headers: auth() })).status).toBe(404);
  });
});

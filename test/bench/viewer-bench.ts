// Benchmark, in Debian's Chromium: (1) the ReviewDesk viewer against pdf.js's components viewer
// wired as its simpleviewer example (the baseline; pdfjs-dist ships no generic viewer.html) on the
// same 300-page Chinese PDF in the same browser: first page rendered, next page, and a 7-page jump;
// (2) filtering the applicant list at 2,000 rows in the real app on the web host.
import { copyFileSync, createReadStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { packBundle } from '../../electron/core/bundle/pack';
import { generateKey, unlockKey } from '../../electron/core/keys/secret-key';
import { launchChromium, makeChinesePdf } from '../e2e/browser';
import { startServer } from '../e2e/static-server';
import { builtForBrowser, ROOT, startHostProcess } from '../e2e/web-host-process';

const RUNS = 3;
const work = path.join(os.tmpdir(), `reviewdesk-viewer-bench-${process.pid}`);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface ViewerProbe {
  url: string;
  /** In the page: when the document was opened (getDocument called), performance.now. */
  openedAt: string;
  /** In the page: when page N was first rendered (performance.now), or undefined. */
  renderedAt: string;
  goTo: string;
}

const ours: ViewerProbe = {
  url: '/viewer-harness.html?doc=/gen/large.pdf',
  openedAt: `() => { const e = window.__viewerHarness.events.find((x) => x.startsWith('pagerendered page=1 ')); return Number(/at=(\\d+)/.exec(e)[1]) - Number(/sinceOpen=(\\d+)/.exec(e)[1]); }`,
  renderedAt: `(n) => { const e = window.__viewerHarness.events.find((x) => x.startsWith('pagerendered page=' + n + ' ')); return e ? Number(/at=(\\d+)/.exec(e)[1]) : undefined; }`,
  goTo: '(n) => window.__viewerHarness.handle.goToPage(n)',
};
const baseline: ViewerProbe = {
  url: '/pdfjs-baseline.html?file=/gen/large.pdf',
  openedAt: '() => window.__baseline.openedAt',
  renderedAt: '(n) => window.__baseline.rendered[n]',
  goTo: '(n) => window.__baseline.goToPage(n)',
};

/** Time from a jump to `page` until it is rendered (0 when it was already rendered ahead). */
async function jump(page: Page, probe: ViewerProbe, target: number): Promise<number> {
  return page.evaluate(
    async ({ renderedAt, goTo, target }) => {
      const rendered = new Function(`return (${renderedAt})`)() as (n: number) => number | undefined;
      const go = new Function(`return (${goTo})`)() as (n: number) => void;
      const start = performance.now();
      const before = rendered(target);
      go(target);
      if (before !== undefined) return 0;
      for (;;) {
        const at = rendered(target);
        if (at !== undefined) return at - start;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    },
    { renderedAt: probe.renderedAt, goTo: probe.goTo, target },
  );
}

async function measureViewer(browser: Browser, baseUrl: string, probe: ViewerProbe) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
  await page.goto(baseUrl + probe.url);
  const first = await page.waitForFunction(`(${probe.renderedAt})(1)`, undefined, { timeout: 60_000 }).then((handle) => handle.jsonValue() as Promise<number>);
  const opened = (await page.evaluate(`(${probe.openedAt})()`)) as number;
  await page.waitForTimeout(500);
  const next: number[] = [];
  for (let target = 2; target <= 11; target++) next.push(await jump(page, probe, target));
  const far: number[] = [];
  for (let target = 20; target <= 160; target += 7) far.push(await jump(page, probe, target));
  await page.close();
  return { first, open: first - opened, next: median(next), far: median(far) };
}

function post(origin: string, token: string, pathname: string, body: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const url = new URL(pathname, origin);
    const req = request(url, { method: 'POST', headers: { Origin: origin, 'X-ReviewDesk-Token': token, 'Content-Type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

async function measureFilter(browser: Browser): Promise<{ rows: number; filterMs: number; clearMs: number }> {
  const dir = path.join(work, 'big-round');
  const applicants = Array.from({ length: 2000 }, (_, i) => {
    const id = `A${String(i + 1).padStart(4, '0')}`;
    mkdirSync(path.join(dir, id), { recursive: true });
    copyFileSync(path.join(ROOT, '../shared/testdata/pdf-corpus/helloworld-bad.pdf'), path.join(dir, id, 'a.pdf'));
    return { id, name: `${['北方', '草原', '内蒙古', '呼和浩特'][i % 4]}安防科技${i + 1}有限公司`, category: i % 2 ? 'a' : 'b', documents: [{ path: `${id}/a.pdf`, title: '申报材料' }] };
  });
  writeFileSync(
    path.join(dir, 'round.json'),
    JSON.stringify({
      format: 'reviewdesk.round/1',
      round: { id: 'bench-2000', title: '两千家申报单位' },
      rubrics: [{ id: 'r', title: '评分表', criteria: [{ id: 'c1', label: '总分', max: 100, step: 1 }] }],
      categories: [{ id: 'a', title: '甲类', rubric: 'r' }, { id: 'b', title: '乙类', rubric: 'r' }],
      applicants,
      experts: [{ id: 'E01', name: '专家', assigned: ['a', 'b'] }],
    }),
  );
  const key = unlockKey(generateKey('秘书处', 'bench').secret, 'bench');
  const bundle = path.join(work, 'big.rdbundle');
  await packBundle({ dir, key, out: bundle });
  key.dispose();
  const host = await startHostProcess(path.join(work, 'data'));
  try {
    const token = new URL(host.url).searchParams.get('token')!;
    // The host owns the data folder: import through its API, as the app does.
    const upload = await new Promise<{ result: unknown }>((resolve, reject) => {
      const req = request(new URL('/api/upload', host.origin), { method: 'POST', headers: { Origin: host.origin, 'X-ReviewDesk-Token': token } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve(JSON.parse(text) as { result: unknown }));
      });
      req.on('error', reject);
      createReadStream(bundle).pipe(req);
    });
    const opened = (await post(host.origin, token, '/api/bundle.open', { source: upload.result })) as { result: { openId: string; issuer: { fingerprint: string } } };
    const job = (await post(host.origin, token, '/api/bundle.import', { openId: opened.result.openId, confirmIssuer: opened.result.issuer.fingerprint })) as { result: { jobId: string } };
    for (;;) {
      const state = (await post(host.origin, token, '/api/job.get', { jobId: job.result.jobId })) as { result: { state: string } };
      if (state.result.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${host.url}#/round/bench-2000`);
    await page.getByTestId('applicant-A0001').waitFor({ timeout: 60_000 });
    const box = page.getByTestId('applicant-filter').locator('input');
    const timeTo = async (text: string, expectedFirst: string) => {
      const times: number[] = [];
      for (let run = 0; run < 5; run++) {
        await box.fill('');
        await page.getByTestId('applicant-A0001').waitFor();
        const start = Date.now();
        await box.fill(text);
        await page.getByTestId(`applicant-${expectedFirst}`).waitFor();
        times.push(Date.now() - start);
      }
      return median(times);
    };
    const filterMs = await timeTo('呼和浩特安防科技1996', 'A1996');
    const clearMs = await timeTo('A0001', 'A0001');
    await page.close();
    return { rows: applicants.length, filterMs, clearMs };
  } finally {
    await host.stop();
  }
}

async function run(): Promise<void> {
  if (!builtForBrowser()) throw new Error('run `npm run build` first');
  mkdirSync(path.join(work, 'gen'), { recursive: true });
  const browser = await launchChromium();
  try {
    await makeChinesePdf(
      browser,
      path.join(work, 'gen/large.pdf'),
      '三百页申报材料',
      Array.from({ length: 300 }, (_, i) => ({
        heading: `第${i + 1}节 项目业绩与合同关键页`,
        paragraphs: Array.from({ length: 8 }, (_, j) => `第${i + 1}页第${j + 1}段：本单位承建的安防工程项目合同金额为${(i + 1) * 10000 + j}元，验收合格，用户评价良好，符合评审要求。`),
      })),
    );
    const { server, url } = await startServer({ '/gen/': path.join(work, 'gen') }, path.join(ROOT, 'out/renderer'));
    const results = { ours: [] as Awaited<ReturnType<typeof measureViewer>>[], base: [] as Awaited<ReturnType<typeof measureViewer>>[] };
    for (let i = 0; i < RUNS; i++) {
      results.base.push(await measureViewer(browser, url, baseline));
      results.ours.push(await measureViewer(browser, url, ours));
    }
    server.close();
    const pick = (list: typeof results.ours, key: 'first' | 'open' | 'next' | 'far') => median(list.map((entry) => entry[key]));
    const line = (label: string, value: string) => console.log(`${label.padEnd(46)} ${value}`);
    console.log(`\nReviewDesk viewer benchmark: 300-page Chinese PDF, median of ${RUNS} runs, ${os.cpus().length} cores`);
    for (const [key, label] of [['open', 'first page rendered (since the document opened)'], ['first', 'first page rendered (since page navigation)'], ['next', 'next page (median of 10)'], ['far', 'jump of 7 pages (median of 21)']] as const) {
      const mine = pick(results.ours, key);
      const theirs = pick(results.base, key);
      line(label, `ReviewDesk ${mine.toFixed(0)} ms, pdf.js baseline ${theirs.toFixed(0)} ms, ratio ${theirs > 0 ? (mine / theirs).toFixed(2) : 'n/a'}x (target <= 1.2x)`);
    }
    const filter = await measureFilter(browser);
    line(`filter the applicant list (${filter.rows} rows)`, `${filter.filterMs} ms typed to shown (target < 50 ms; ${(filter.filterMs / 50).toFixed(2)}x of target)`);
    line('  same with a one-row id match', `${filter.clearMs} ms`);
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await run();

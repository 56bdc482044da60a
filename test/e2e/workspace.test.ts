// The expert's workspace end to end, in Debian's Chromium against the built web host, with real
// SQLite and real PDFs (Chinese printed by Chromium, a non-embedded CJK font, a scanned page):
// import → search the round → open the applicant at the hit → find in the document → score →
// declare a conflict → kill the host mid-sheet → restart → everything saved is still there.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packBundle } from '../../electron/core/bundle/pack';
import { CORPUS, makeKey, sampleRound, tempDir } from '../helpers/fixtures';
import { launchChromium, makeChinesePdf } from './browser';
import { builtForBrowser, ROOT, startHostProcess, type HostProcess } from './web-host-process';

const work = tempDir();
const SHOTS = path.join(ROOT, 'test-results', 'e2e');
let browser: Browser;
let bundle: string;
const hosts: HostProcess[] = [];
/** Every request the UI made outside its own origin, over the whole session: there must be none. */
const foreign: string[] = [];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

beforeAll(async () => {
  if (!builtForBrowser()) throw new Error('out/web/host.mjs or out/renderer is missing: run `npm run build` (npm test does it first)');
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  const round = sampleRound();
  round.applicants[0]!.documents[0]!.sections = [{ title: '营业执照', page: 2 }, { title: '信用报告', page: 3 }, { title: '合同关键页', page: 4 }];
  const dir = path.join(work, 'round');
  for (const applicant of ['A001', 'A002', 'B001']) mkdirSync(path.join(dir, applicant), { recursive: true });
  await makeChinesePdf(browser, path.join(dir, 'A001/申报材料.pdf'), '某某科技有限公司 申报材料', [
    { heading: '一、企业基本情况', paragraphs: ['某某科技有限公司成立于2012年，注册资本5000万元，从事安防系统集成与运维服务。', '公司现有技术人员86人，其中高级工程师12人。'] },
    { heading: '二、营业执照', paragraphs: ['统一社会信用代码：91150100MA0000000X。', '营业执照载明的经营范围包括安全技术防范系统设计、施工、维修。'] },
    { heading: '三、信用报告', paragraphs: ['经查询，企业近三年无行政处罚记录，信用等级为AAA。'] },
    { heading: '四、合同关键页', paragraphs: ['单个项目合同金额：3,280,000元（大写：叁佰贰拾捌万元整）。'] },
  ]);
  copyFileSync(path.join(CORPUS, 'scan-bad.pdf'), path.join(dir, 'A001/扫描件.pdf'));
  copyFileSync(path.join(CORPUS, 'noembed-sjis.pdf'), path.join(dir, 'A002/申报材料.pdf'));
  await makeChinesePdf(browser, path.join(dir, 'B001/application.pdf'), '智慧泉城创新应用大赛 申报书', [
    { heading: '项目基本情况', paragraphs: ['项目名称：城市视频感知平台。'] },
    { heading: '项目建设成效', paragraphs: ['平台接入视频点位一万二千路。'] },
  ]);
  writeFileSync(path.join(dir, 'round.json'), JSON.stringify(round, null, 2));
  const { key } = makeKey(work, 'secretariat');
  bundle = path.join(work, '2025年度评优.rdbundle');
  await packBundle({ dir, key, out: bundle });
});

afterAll(async () => {
  for (const host of hosts) await host.stop().catch(() => undefined);
  await browser?.close();
});

async function openPage(host: HostProcess, hash = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${host.origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:')) foreign.push(url);
  });
  await page.goto(host.url + hash);
  expect(errors).toEqual([]);
  return page;
}

describe('expert workspace in the browser', () => {
  it('imports, searches, finds, scores, declares a conflict, and keeps everything across a kill', async () => {
    const dataDir = path.join(work, 'data');
    let host = await startHostProcess(dataDir);
    hosts.push(host);
    let page = await openPage(host);
    await page.getByText('导入评审材料包').first().waitFor();

    // Import: the issuer is new, so its fingerprint must be confirmed first.
    await page.locator('input[type=file]').setInputFiles(bundle);
    await page.getByTestId('issuer-fingerprint').waitFor();
    await expect.poll(() => page.getByTestId('import-start').isDisabled()).toBe(true);
    await shot(page, '01-import-preview');
    await page.getByTestId('confirm-fingerprint').click();
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-open-round').click({ timeout: 30_000 });

    // Round: the list, then search across all documents once text extraction is done.
    await page.getByTestId('applicant-A001').waitFor();
    await page.getByTestId('index-ready').waitFor({ timeout: 60_000 });
    await page.getByTestId('document-search').locator('input').fill('信用等级');
    await page.getByTestId('document-search').locator('input').press('Enter');
    const hit = page.getByTestId('search-hit').first();
    await expect.poll(() => hit.textContent()).toContain('第 3 页');
    await shot(page, '02-round-search');
    await hit.click();

    // Review: the document opens at the hit's page; find within it.
    await page.getByTestId('sheet').waitFor();
    await expect.poll(() => page.getByLabel('页码').first().inputValue(), { timeout: 20_000 }).toBe('3');
    // A checklist item jumps to the section it names.
    await page.getByTestId('check-label-k1').click();
    await expect.poll(() => page.getByLabel('页码').first().inputValue()).toBe('2');
    await page.locator('.rd-viewer__panels').getByText('查找', { exact: true }).click();
    const findBox = page.getByLabel('在本文档中查找');
    await findBox.fill('营业执照');
    await findBox.press('Enter');
    await expect.poll(() => page.getByTestId('find-count').textContent(), { timeout: 20_000 }).toMatch(/^[1-9]\d* ?\/ ?[1-9]/);
    await shot(page, '03-review-find');

    // Score A001: an out-of-range value is shown beside the field and not counted.
    await page.getByTestId('score-c1').fill('26');
    await expect.poll(() => page.getByTestId('problem-scores.c1').textContent()).toContain('不能超过 25');
    await page.getByTestId('score-c1').fill('22.5');
    await page.getByTestId('score-c2a').fill('8');
    await page.getByTestId('score-c2b').fill('14');
    await page.getByTestId('check-k1').getByText('符合', { exact: true }).click();
    await page.getByTestId('overall-comment').fill('材料齐全，业绩突出。');
    await expect.poll(() => page.getByTestId('sheet-total').textContent()).toBe('合计 44.5 / 50');
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-kind')).toBe('saved');
    await shot(page, '04-review-scored');

    // Next applicant (Alt+→): declare a conflict of interest.
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => page.getByTestId('applicant-title').textContent()).toContain('A002');
    await page.getByTestId('declare-conflict').click();
    await page.getByTestId('conflict-reason').fill('本人曾在该单位任职');
    await page.getByTestId('confirm-conflict').click();
    await page.getByTestId('conflict-banner').waitFor();
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-kind')).toBe('saved');
    await shot(page, '05-conflict');

    // Back to A001, change a score, and kill the host the moment it is saved.
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => page.getByTestId('applicant-title').textContent()).toContain('A001');
    await page.getByTestId('score-c2b').fill('15');
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-kind')).toBe('saved');
    await host.kill();
    await page.close();

    // Restart on the same data: everything saved is there.
    host = await startHostProcess(dataDir);
    hosts.push(host);
    page = await openPage(host, '#/round/nmgaf-2025-awards/applicant/A001');
    await page.getByTestId('sheet').waitFor();
    expect(await page.getByTestId('score-c1').inputValue()).toBe('22.5');
    expect(await page.getByTestId('score-c2b').inputValue()).toBe('15');
    expect(await page.getByTestId('overall-comment').inputValue()).toBe('材料齐全，业绩突出。');
    await expect.poll(() => page.getByTestId('sheet-total').textContent()).toBe('合计 45.5 / 50');
    await page.getByTestId('next-applicant').click();
    await page.getByTestId('conflict-banner').waitFor();
    expect(await page.getByTestId('conflict-banner').textContent()).toContain('本人曾在该单位任职');
    await page.goto(`${host.origin}/#/round/nmgaf-2025-awards`);
    await page.getByTestId('applicant-A001').waitFor();
    expect(await page.getByTestId('applicant-A001').locator('[data-status]').getAttribute('data-status')).toBe('complete');
    expect(await page.getByTestId('applicant-A002').locator('[data-status]').getAttribute('data-status')).toBe('conflict');
    await shot(page, '06-after-restart');
    await page.close();
    await host.stop();
  });

  it('creates the expert identity, binds to the roster, and exports a signed score file that verifies', async () => {
    const host = await startHostProcess(path.join(work, 'data'));
    hosts.push(host);
    const page = await openPage(host);
    await page.getByTestId('create-identity').click();
    await page.getByTestId('identity-name-input').fill('张三');
    await page.getByTestId('identity-passphrase').fill('123456');
    await expect.poll(() => page.getByTestId('passphrase-strength').getAttribute('data-score')).toBe('0');
    await page.getByTestId('identity-passphrase').fill('草原上的 Review 2025!');
    await page.getByTestId('identity-passphrase-again').fill('草原上的 Review 2025!');
    await page.getByTestId('identity-ok').click();
    await expect.poll(() => page.getByTestId('identity-fingerprint').textContent(), { timeout: 15_000 }).toMatch(/([0-9A-F]{4}-){7}[0-9A-F]{4}/);
    await shot(page, '07-identity');

    await page.getByTestId('round-nmgaf-2025-awards').getByRole('button', { name: '进入评审' }).click();
    await page.getByTestId('binding-select').click();
    await page.getByTitle('E01 张三').click();
    await page.getByTestId('binding-confirm').click();
    await expect.poll(() => page.getByTestId('binding-banner').textContent()).toContain('E01 张三');
    await page.getByTestId('finish-export').click();
    await page.getByTestId('export-complete').waitFor();
    await page.getByTestId('export-passphrase').fill('草原上的 Review 2025!');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-sign').click();
    const file = path.join(work, 'exported.rdscore');
    await (await download).saveAs(file);
    await page.getByTestId('export-sha256').waitFor();
    await shot(page, '08-exported');

    const { openBundle } = await import('../../electron/core/bundle/read-bundle');
    const { verifyScoreFile } = await import('../../electron/core/scores/score-file');
    const opened = await openBundle(bundle);
    opened.close();
    const verified = verifyScoreFile(readFileSync(file), file, opened);
    expect(verified.payload).toMatchObject({ expertId: 'E01', revision: 1, final: true });
    expect(verified.payload.sheets.map((sheet) => [sheet.applicantId, sheet.conflict, sheet.total])).toEqual([['A001', false, 45.5], ['A002', true, 0]]);
    expect(await page.getByTestId('export-sha256').textContent()).toContain(verified.sha256);
  });

  it('made no request outside its own origin during the whole session', () => {
    expect(foreign).toEqual([]);
  });
});

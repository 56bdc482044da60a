// The secretariat and the chair in Debian's Chromium against the built web host: collect score
// files (the verification table in plain words), compare methods, drill down, decide with a
// reason, preview and export the printed conclusion.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures';
import { makeScoredRound, type ScoredRound } from '../helpers/scored-round';
import { launchChromium } from './browser';
import { builtForBrowser, ROOT, startHostProcess, type HostProcess } from './web-host-process';

const work = tempDir();
const SHOTS = path.join(ROOT, 'test-results', 'e2e');
let browser: Browser;
let host: HostProcess;
const dataDir = () => path.join(work, 'data');
let scored: ScoredRound;

beforeAll(async () => {
  if (!builtForBrowser()) throw new Error('run `npm run build` first (npm test does it)');
  mkdirSync(SHOTS, { recursive: true });
  scored = await makeScoredRound(work);
  browser = await launchChromium();
  host = await startHostProcess(dataDir());
});

afterAll(async () => {
  await host?.stop();
  await browser?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

describe('secretariat and chair in the browser', () => {
  it('collects, verifies, compares, decides and prints', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(host.url);
    await page.getByTestId('role').getByText('秘书处', { exact: true }).click();
    await page.getByText('新建汇总').waitFor();
    await page.locator('input[type=file]').setInputFiles(scored.bundleFile);
    await page.getByText('将专家的评分文件').waitFor();
    await page.locator('input[type=file]').setInputFiles(Object.values(scored.files));
    await expect.poll(() => page.getByTestId('file-table').locator('tbody tr').count()).toBe(8);
    const tampered = page.getByTestId('file-table').locator('tr', { hasText: 'tampered.rdscore' });
    await expect.poll(() => tampered.textContent()).toContain('签名无效：文件在签名后被修改');
    await expect.poll(() => page.getByTestId('file-table').locator('tr', { hasText: 'E01-r1.rdscore' }).textContent()).toContain('第 1 版已被第 2 版取代');
    await shot(page, 'secretariat-01-files');

    await page.getByRole('tab', { name: '评审结果' }).click();
    await expect.poll(() => page.getByTestId('result-A001').textContent()).toContain('40.67');
    await page.getByTestId('method-switch').getByText('中位数').click();
    await expect.poll(() => page.getByTestId('result-A001').textContent()).toContain('42.00');
    await page.getByTestId('result-A001').click();
    await page.getByTestId('drilldown').waitFor();
    await shot(page, 'secretariat-02-drilldown');
    await page.keyboard.press('Escape');

    // The chair decides: A002 gets 二等奖, which needs a reason.
    await page.getByTestId('role').getByText('评审委员会主任').click();
    await page.getByText('2025年度安防行业评优').first().waitFor();
    await page.getByRole('button', { name: '进入评审' }).first().click();
    await page.getByTestId('decide-A002').click();
    await page.getByTestId('decision-award').click();
    await page.getByTitle('二等奖').click();
    await expect.poll(() => page.getByTestId('decision-state').getAttribute('data-state')).toBe('invalid');
    await page.getByTestId('decision-reason').fill('委员会复议：项目业绩突出');
    await page.getByTestId('decision-opinion').fill('材料翔实，建议授奖。');
    await expect.poll(() => page.getByTestId('decision-state').getAttribute('data-state')).toBe('saved');
    await page.keyboard.press('Escape');
    await shot(page, 'chair-01-decisions');

    // Decisions are saved like sheets: a killed host loses none of them.
    const mergeUrl = new URL(page.url()).hash;
    await host.kill();
    host = await startHostProcess(dataDir());
    await page.goto(`${host.url}${mergeUrl}`);
    await shot(page, 'chair-01b-after-restart');
    await page.getByTestId('decide-A002').click();
    await expect.poll(() => page.getByTestId('decision-reason').inputValue()).toBe('委员会复议：项目业绩突出');
    expect(await page.getByTestId('decision-opinion').inputValue()).toBe('材料翔实，建议授奖。');
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: '打印' }).click();
    await page.getByTestId('print-preview').click();
    await page.locator('.rd-viewer__container canvas, .rd-viewer__container .page').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
    await shot(page, 'chair-02-preview');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-conclusion').click();
    const file = path.join(work, 'conclusion.pdf');
    await (await download).saveAs(file);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('委员会复议：项目业绩突出');
    expect(text).toContain('材料翔实，建议授奖。');
  });
});

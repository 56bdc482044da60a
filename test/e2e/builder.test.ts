// The secretariat builds a round in Debian's Chromium against the built web host: a template,
// applicants from a CSV list and their PDFs from a chosen folder (uploaded file by file), a folder
// with a Word file refused naming it, experts with a chosen .pub file and by name, an assignment
// made in the dialog after the check pointed at it, a wrong passphrase refused, then packing and
// the bundle saved through the browser's download — and verified as an expert would.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundle, verifyDocuments } from '../../electron/core/bundle/read-bundle';
import { makeKey, PASSPHRASE, tempDir, writeTree, type TestKey } from '../helpers/fixtures';
import { launchChromium } from './browser';
import { builtForBrowser, ROOT, startHostProcess, type HostProcess } from './web-host-process';

const work = tempDir('reviewdesk-e2e-builder-');
const SHOTS = path.join(ROOT, 'test-results', 'e2e');
let browser: Browser;
let host: HostProcess;
let secretariat: TestKey;
let expert: TestKey;

beforeAll(async () => {
  if (!builtForBrowser()) throw new Error('run `npm run build` first (npm test does it)');
  mkdirSync(SHOTS, { recursive: true });
  secretariat = makeKey(work, '秘书处');
  expert = makeKey(work, '张三');
  browser = await launchChromium();
  host = await startHostProcess(path.join(work, 'data'));
});

afterAll(async () => {
  await host?.stop();
  await browser?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

/** Clicks `trigger` and answers the file chooser it opens with `files` (a folder for a folder chooser). */
async function choose(page: Page, trigger: () => Promise<void>, files: string | string[]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), trigger()]);
  await chooser.setFiles(files);
}

describe('round builder in the browser', () => {
  it('template → list → folder → experts → check → pack → download', async () => {
    const list = path.join(work, '参赛名单.csv');
    writeFileSync(list, '\uFEFF编号,名称\nA001,济南某某科技有限公司\nA002,泉城数据服务有限公司\n');
    const folder = writeTree(path.join(work, '申报材料'), {
      'A001 济南某某科技有限公司/申报书.pdf': 'XiaoBiaoSong.pdf',
      'A001 济南某某科技有限公司/附件/合同.pdf': 'scan-bad.pdf',
      'A002 泉城数据服务有限公司/申报书.pdf': 'noembed-sjis.pdf',
    });
    const badFolder = writeTree(path.join(work, '补充材料'), { 'A003 历下智慧社区/申报书.docx': { text: 'PK\u0003\u0004 word' } });

    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    await page.goto(host.url);
    await page.getByTestId('role').getByText('秘书处', { exact: true }).click();
    await page.getByTestId('secretariat-area').getByText('筹备评审轮次').click();
    await page.getByText('还没有筹备中的评审轮次').waitFor();
    await page.getByTestId('template-smart-city-innovation').click();
    await page.getByTestId('round-id').fill('jinan-2026');
    await page.getByTestId('round-title').fill('2026年智慧泉城创新应用大赛');
    await shot(page, 'builder-01-new');
    await page.getByTestId('create-round').click();
    await expect.poll(() => page.getByTestId('draft-title').textContent()).toContain('2026年智慧泉城创新应用大赛');
    // points the document does not give are shown as examples
    await page.getByTestId('example-warning').waitFor();
    await expect.poll(() => page.getByTestId('rubric-innovation').getByText('示例分值').count()).toBe(3);
    await shot(page, 'builder-02-info');
    // the secretariat changes one example and confirms another: they are no longer examples
    await page.getByTestId('example-plan').locator('input').fill('35');
    await page.getByTestId('example-plan').getByRole('button', { name: '改为此值' }).click();
    await expect.poll(() => page.getByTestId('rubric-innovation').getByText('示例分值').count()).toBe(2);
    await expect.poll(() => page.getByTestId('rubric-innovation').locator('tr', { hasText: '项目方案及实施情况' }).textContent()).toContain('35');
    await page.getByTestId('example-categories[0].aggregation.quorum').getByRole('button', { name: /确\s*认/ }).click();
    await expect.poll(() => page.getByTestId('example-categories[0].aggregation.quorum').count()).toBe(0);

    await page.getByRole('tab', { name: /申报者/ }).click();
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-template').click()]);
    expect(template.suggestedFilename()).toBe('jinan-2026-申报者名单.xlsx');
    await choose(page, () => page.getByTestId('add-from-list').click(), list);
    await expect.poll(() => page.getByTestId('applicants-added').textContent()).toContain('已添加 2 个申报者');
    await choose(page, () => page.getByTestId('add-from-folder').click(), folder);
    await expect.poll(() => page.getByTestId('applicants-added').textContent()).toContain('2 个已有申报者补充了材料');
    await expect.poll(() => page.getByTestId('applicants').locator('tbody tr', { hasText: 'A001' }).textContent()).toContain('2');
    // a Word file is refused, naming it; nothing is added
    await choose(page, () => page.getByTestId('add-from-folder').click(), badFolder);
    await expect.poll(() => page.getByTestId('builder-error').textContent()).toContain('A003 历下智慧社区/申报书.docx：不是 PDF 文件');
    await expect.poll(() => page.getByTestId('applicants').locator('tbody tr').count()).toBe(2);
    await shot(page, 'builder-03-applicants');
    // a fact of its own for one applicant
    await page.getByTestId('facts-A001').click();
    await page.getByPlaceholder('指标').fill('参赛方向');
    await page.getByPlaceholder('值', { exact: true }).fill('智慧交通');
    await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByTestId('applicants').locator('tbody tr', { hasText: 'A001' }).textContent()).toContain('参赛方向：智慧交通');

    await page.getByRole('tab', { name: /专家与分配/ }).click();
    await choose(page, () => page.getByTestId('choose-pub').click(), expert.pubFile);
    await page.getByTestId('expert-assigned').click();
    await page.getByTitle('▣ 智慧泉城创新应用大赛').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('add-expert-button').click();
    await expect.poll(() => page.getByTestId('experts').locator('tbody tr', { hasText: '张三' }).textContent()).toContain('智慧泉城创新应用大赛');
    await page.getByTestId('expert-name').fill('王五');
    await page.getByTestId('add-expert-button').click();
    // the check points at the expert with nothing assigned
    await expect.poll(() => page.getByTestId('problem-E02').textContent()).toContain('');
    await shot(page, 'builder-04-experts');
    await page.getByTestId('assign-E02').click();
    await page.getByTestId('assign-targets').click();
    await page.getByTitle('A001 济南某某科技有限公司').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('assign-dialog').getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByTestId('experts').locator('tbody tr', { hasText: '王五' }).textContent()).toContain('A001 济南某某科技有限公司');
    await expect.poll(() => page.getByTestId('problem-E02').count()).toBe(0);

    await page.getByTestId('tab-pack').click();
    await page.getByTestId('check-ok').waitFor();
    await expect.poll(() => page.getByTestId('check-warnings').textContent()).toContain('少于类别 innovation 的法定人数 3');
    await choose(page, () => page.getByTestId('choose-key').click(), secretariat.keyFile);
    await page.getByTestId('pack-passphrase').fill('not the passphrase');
    await page.getByTestId('pack').click();
    await expect.poll(() => page.getByTestId('builder-error').textContent()).toContain('wrong passphrase');
    await page.getByTestId('pack-passphrase').fill(PASSPHRASE);
    await page.getByTestId('pack').click();
    await page.getByTestId('pack-v1').waitFor();
    await shot(page, 'builder-05-packed');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-bundle-v1').click()]);
    expect(download.suggestedFilename()).toBe('jinan-2026-v1.rdbundle');
    const saved = path.join(work, 'downloaded.rdbundle');
    await download.saveAs(saved);
    const bundle = await openBundle(saved, { expectedIssuer: secretariat.key.fingerprint });
    try {
      await verifyDocuments(bundle);
      expect(bundle.payload.round.title).toBe('2026年智慧泉城创新应用大赛');
      expect(bundle.payload.applicants.map((applicant) => [applicant.id, applicant.documents.length])).toEqual([['A001', 2], ['A002', 1]]);
      expect(bundle.payload.applicants[0]!.facts).toEqual({ 参赛方向: '智慧交通' });
      expect(bundle.payload.experts.map((entry) => [entry.name, entry.assigned])).toEqual([['张三', ['innovation']], ['王五', ['A001']]]);
    } finally {
      bundle.close();
    }

    // a new secretariat key pair: the .key is saved at once, the .pub from its button
    const keygen = page.locator('.ant-card', { hasText: '新建秘书处密钥' });
    await keygen.getByLabel('名称（如 某某协会秘书处）').fill('济南市工信局秘书处');
    await keygen.getByLabel('口令', { exact: true }).fill('新的口令 2026 安全');
    await keygen.getByLabel('再次输入口令').fill('新的口令 2026 安全');
    const [keyDownload] = await Promise.all([page.waitForEvent('download'), keygen.getByRole('button', { name: '新建并下载' }).click()]);
    expect(keyDownload.suggestedFilename()).toMatch(/^济南市工信局秘书处-[0-9A-F-]{9}\.key$/);
    const [pubDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-new-pub').click()]);
    const pubFile = path.join(work, 'new.pub');
    await pubDownload.saveAs(pubFile);
    const identity = JSON.parse(readFileSync(pubFile, 'utf8')) as { name: string; fingerprint: string };
    expect(identity.name).toBe('济南市工信局秘书处');
    expect(keyDownload.suggestedFilename()).toContain(identity.fingerprint.slice(0, 9));

    // the list shows the round, ready and packed
    await page.getByRole('button', { name: '← 筹备评审轮次' }).click();
    await expect.poll(() => page.getByTestId('draft-jinan-2026').textContent()).toContain('已打包第 1 版');

    // a round folder made with the CLI opens as a round in preparation
    await choose(page, () => page.getByTestId('open-round-folder').click(), path.join(ROOT, 'resources/sample-round'));
    await expect.poll(() => page.getByTestId('draft-title').textContent()).toContain('2025年度内蒙古自治区公共安全技术防范行业评优（示例）');
    await page.getByRole('tab', { name: /申报者/ }).click();
    await expect.poll(() => page.getByTestId('applicants').locator('tbody tr').count()).toBe(12);
    await page.close();
  });
});

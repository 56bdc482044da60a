// The PDF viewer in Debian's Chromium: the built harness page (out/renderer/viewer-harness.html)
// served with HTTP Range support next to the PDF corpus. Chinese text (embedded and
// non-embedded fonts), find with highlights and counts, errors for broken, non-PDF, encrypted
// and missing files, no PDF JavaScript, page box and keyboard, lazy thumbnails, and range
// loading of a 300-page PDF. Screenshots go to test-results/e2e/viewer-*.png.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Served } from './static-server';

import { CORPUS, ROOT } from '../helpers/project-root';

const RENDERER = path.join(ROOT, 'out/renderer');
const SHOTS = path.join(ROOT, 'test-results', 'e2e');

/** A PDF protected by a user password (standard security handler V1/R2, RC4 40-bit). */
function encryptedPdf(userPassword: string): Buffer {
  const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
  const pad = (pw: string) => Buffer.concat([Buffer.from(pw, 'latin1'), PAD]).subarray(0, 32);
  const md5 = (data: Buffer) => createHash('md5').update(data).digest();
  const rc4 = (key: Buffer, data: Buffer): Buffer => {
    const s = Array.from({ length: 256 }, (_, i) => i);
    let j = 0;
    for (let i = 0; i < 256; i += 1) {
      j = (j + (s[i] ?? 0) + (key[i % key.length] ?? 0)) & 255;
      [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
    }
    const out = Buffer.alloc(data.length);
    let i = 0;
    j = 0;
    for (let k = 0; k < data.length; k += 1) {
      i = (i + 1) & 255;
      j = (j + (s[i] ?? 0)) & 255;
      [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
      out[k] = (data[k] ?? 0) ^ (s[((s[i] ?? 0) + (s[j] ?? 0)) & 255] ?? 0);
    }
    return out;
  };
  const id = md5(Buffer.from('reviewdesk-viewer-test'));
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(-44);
  const owner = rc4(md5(pad('owner')).subarray(0, 5), pad(userPassword));
  const key = md5(Buffer.concat([pad(userPassword), owner, permissions, id])).subarray(0, 5);
  const user = rc4(key, PAD);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
    `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P -44 >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return Buffer.from(`${body}${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>\nstartxref\n${body.length}\n%%EOF\n`, 'latin1');
}

/** 300 A4 pages printed by Chromium, each with Chinese text and a distinct incompressible image. */
async function makeLargePdf(browser: Browser, file: string): Promise<void> {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html lang="zh-CN"><body style="font-family: \'Noto Serif CJK SC\', serif"></body></html>');
  // Browser-side code is passed as text: this project's Node tsconfig has no DOM types.
  await page.evaluate(`
    for (let i = 1; i <= 300; i += 1) {
      const section = document.createElement('section');
      section.style.cssText = 'page-break-after: always; padding: 40px';
      const heading = document.createElement('h2');
      heading.textContent = '第 ' + i + ' 页 合同关键页';
      const text = document.createElement('p');
      text.textContent = ('本页为测试页 ' + i + '。企业通过ISO9001质量管理体系认证，单个项目合同金额不低于200万元。').repeat(4);
      const canvas = document.createElement('canvas');
      canvas.width = 200;
      canvas.height = 150;
      const context = canvas.getContext('2d');
      const image = context.createImageData(200, 150);
      for (let k = 0; k < image.data.length; k += 1) image.data[k] = k % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
      context.putImageData(image, 0, 0);
      const img = document.createElement('img');
      img.src = canvas.toDataURL('image/png');
      section.append(heading, text, img);
      document.body.append(section);
    }
  `);
  writeFileSync(file, await page.pdf({ format: 'A4', outline: true, tagged: true }));
  await page.close();
}

describe('PDF viewer in Chromium', () => {
  let browser: Browser;
  let server: http.Server;
  let baseUrl: string;
  let log: Served[];
  let generated: string;

  beforeAll(async () => {
    if (!existsSync(path.join(RENDERER, 'viewer-harness.html')) || !existsSync(path.join(RENDERER, 'pdfjs/cmaps'))) {
      const build = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`renderer build failed: ${build.stderr}`);
    }
    mkdirSync(SHOTS, { recursive: true });
    generated = mkdtempSync(path.join(tmpdir(), 'reviewdesk-viewer-'));
    writeFileSync(path.join(generated, 'encrypted.pdf'), encryptedPdf('secret'));
    writeFileSync(path.join(generated, 'not-a-pdf.pdf'), '这不是 PDF 文件，只是文本。\n');
    browser = await launchChromium();
    await makeLargePdf(browser, path.join(generated, 'large-300.pdf'));
    ({ server, url: baseUrl, log } = await startServer({ '/corpus/': CORPUS, '/gen/': generated }, RENDERER));
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (generated) rmSync(generated, { recursive: true, force: true });
  });

  async function openHarness(docs: string[], query = ''): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${baseUrl}/viewer-harness.html?${docs.map((d) => `doc=${encodeURIComponent(d)}`).join('&')}${query}`);
    return { page, errors, dialogs };
  }

  /** Waits until the harness logged an event matching `pattern` (or `count` of them). A function,
   *  not text: the page's CSP forbids evaluating strings. */
  const waitForEvent = (page: Page, pattern: RegExp, timeout = 20_000, count = 1) =>
    page.waitForFunction(([source, min]) => {
      const { events } = (globalThis as unknown as { __viewerHarness: { events: string[] } }).__viewerHarness;
      return events.filter((e) => new RegExp(source).test(e)).length >= min;
    }, [pattern.source, count] as const, { timeout });

  const callHandle = (page: Page, call: string) => page.evaluate(`window.__viewerHarness.handle.${call}`);

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `viewer-${name}.png`) });

  /** Share of non-white pixels in the first page's canvas: text rendered, not blank. */
  const inkOnFirstPage = (page: Page): Promise<number> => page.evaluate(`(() => {
    const canvas = document.querySelector('.pdfViewer .page canvas');
    const context = canvas && canvas.getContext('2d');
    if (!context) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 128 && data[i + 1] < 128 && data[i + 2] < 128) ink += 1;
    return ink / (data.length / 4);
  })()`);

  it('shows Chinese text, finds and highlights it, and steps through the matches', async () => {
    const { page, errors } = await openHarness(['/corpus/XiaoBiaoSong.pdf', '/corpus/noembed-sjis.pdf']);
    await waitForEvent(page, /^pagerendered page=1 /);
    await page.waitForSelector('.textLayer span');
    expect(await page.locator('.textLayer').first().textContent()).toContain('关于红军作战的原则');
    expect(await inkOnFirstPage(page)).toBeGreaterThan(0.001);

    await callHandle(page, "find('一九三七年')");
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('1/9');
    expect(await page.locator('.textLayer .highlight').count()).toBe(9);
    expect(await page.locator('.textLayer .highlight.selected').count()).toBe(1);
    await page.getByRole('textbox', { name: '在本文档中查找' }).press('Enter');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('2/9');
    await page.getByRole('textbox', { name: '在本文档中查找' }).press('Shift+Enter');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('1/9');
    await expect.poll(() => page.getByText('第 1 处，共 9 处').count()).toBe(1);
    await shot(page, 'find-chinese');

    await page.getByRole('textbox', { name: '在本文档中查找' }).fill('不存在的词语');
    await expect.poll(() => page.getByText('未找到').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders a CJK font that is not embedded, with the shipped cMaps', async () => {
    const { page, errors } = await openHarness(['/corpus/noembed-sjis.pdf']);
    await waitForEvent(page, /^pagerendered page=1 /);
    await page.waitForSelector('.textLayer span');
    expect(await page.locator('.textLayer').first().textContent()).toContain('あいうえお');
    expect(await inkOnFirstPage(page)).toBeGreaterThan(0.001);
    expect(log.some((entry) => entry.path.startsWith('/pdfjs/cmaps/') && entry.status === 200)).toBe(true);
    await shot(page, 'noembed-sjis');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('explains broken, non-PDF, encrypted and missing files without crashing', async () => {
    const { page, errors } = await openHarness(['/gen/not-a-pdf.pdf', '/gen/encrypted.pdf', '/corpus/does-not-exist.pdf', '/corpus/XiaoBiaoSong.pdf']);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('文件已损坏或不是 PDF 文件');
    await shot(page, 'error-not-a-pdf');
    await page.getByRole('tab', { name: 'encrypted.pdf' }).click();
    await expect.poll(() => alert.textContent()).toContain('此 PDF 设有打开密码');
    await shot(page, 'error-password');
    await page.getByRole('tab', { name: 'does-not-exist.pdf' }).click();
    await expect.poll(() => alert.textContent()).toContain('找不到这份材料');
    // The app goes on: the next document opens normally.
    await page.getByRole('tab', { name: 'XiaoBiaoSong.pdf' }).click();
    await waitForEvent(page, /^pagerendered page=1 /);
    expect(await alert.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();

    const english = await openHarness(['/gen/encrypted.pdf'], '&lang=en');
    await expect.poll(() => english.page.getByRole('alert').textContent()).toContain('This PDF is password-protected');
    await shot(english.page, 'error-password-en');
    await english.page.close();
  });

  it('shows a recoverable damaged PDF, a scan and a PDF with JavaScript (which never runs)', async () => {
    const { page, errors, dialogs } = await openHarness(['/corpus/helloworld-bad.pdf', '/corpus/scan-bad.pdf', '/corpus/evaljs.pdf']);
    await waitForEvent(page, /^pagerendered page=1 /);
    expect(await page.locator('.textLayer').first().textContent()).toContain('Hello');
    await page.getByRole('tab', { name: 'scan-bad.pdf' }).click();
    await waitForEvent(page, /^pagerendered page=1 /, 20_000, 2);
    await shot(page, 'scan');
    await page.getByRole('tab', { name: 'evaljs.pdf' }).click();
    await waitForEvent(page, /^pagerendered page=1 /, 20_000, 3);
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads a 300-page PDF by ranges, jumps by page box, keyboard and outline, and renders thumbnails lazily', async () => {
    const before = log.length;
    const { page, errors } = await openHarness(['/gen/large-300.pdf']);
    await waitForEvent(page, /^pagerendered page=1 /, 30_000);
    const size = statSync(path.join(generated, 'large-300.pdf')).size;
    const requests = log.slice(before).filter((entry) => entry.path === '/gen/large-300.pdf');
    const rangeBytes = requests.filter((entry) => entry.status === 206).reduce((sum, entry) => sum + entry.bytes, 0);
    expect(requests.some((entry) => entry.status === 206)).toBe(true);
    expect(rangeBytes).toBeLessThan(1_500_000);
    expect(size).toBeGreaterThan(15_000_000);
    expect(await page.getByRole('textbox', { name: '页码' }).inputValue()).toBe('1');
    expect(await page.getByText('/ 300 页').count()).toBe(1);

    // Page box: a page outside the document is refused with a hint; a valid one jumps.
    const pageBox = page.getByRole('textbox', { name: '页码' });
    await pageBox.fill('301');
    await pageBox.press('Enter');
    await expect.poll(() => page.getByText('请输入 1–300 之间的页码').count()).toBe(1);
    await shot(page, 'page-refused');
    await pageBox.fill('150');
    await pageBox.press('Enter');
    await waitForEvent(page, /^pagerendered page=150 /);
    expect(await pageBox.inputValue()).toBe('150');

    // Keyboard on the focused viewer.
    await callHandle(page, 'focus()');
    await page.keyboard.press('End');
    await waitForEvent(page, /^pagechange page=300 /);
    await page.keyboard.press('Home');
    await page.keyboard.press('PageDown');
    await expect.poll(() => pageBox.inputValue()).toBe('2');
    await page.keyboard.press('Control+f');
    await expect.poll(() => page.evaluate("document.activeElement && document.activeElement.getAttribute('aria-label')")).toBe('在本文档中查找');

    // Outline (the PDF's bookmarks) jumps to its page.
    await page.getByText('目录', { exact: true }).click();
    await page.getByRole('button', { name: /第 5 页 合同关键页/ }).click();
    await expect.poll(() => pageBox.inputValue()).toBe('5');

    // Thumbnails: only those near the visible part of the list exist.
    await page.getByText('缩略图', { exact: true }).click();
    await page.waitForSelector('.rd-viewer__thumb img');
    await page.waitForTimeout(500);
    const thumbs = await page.locator('.rd-viewer__thumb').count();
    expect(thumbs).toBeGreaterThan(0);
    expect(thumbs).toBeLessThan(15);
    await page.getByRole('button', { name: '第 7 页' }).click();
    await expect.poll(() => pageBox.inputValue()).toBe('7');
    await shot(page, 'large-thumbnails');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

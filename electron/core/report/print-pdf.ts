// Prints report HTML to an A4 PDF through Chromium (playwright-core): the running header carries
// the round title (and 内部资料 注意保存 when the round is confidential), the footer "第 X 页 共 Y 页".
// The Electron app prints through printToPDF with the same templates (electron/main).
import { chromium } from 'playwright-core';
import { findChromium } from './chromium';

export interface PrintOptions {
  title: string;
  confidential: boolean;
  executablePath?: string;
}

const esc = (text: string) => text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);

export function headerTemplate(title: string, confidential: boolean): string {
  return `<div style="width:100%; font-size:8pt; font-family:'Noto Sans CJK SC',sans-serif; padding:0 16mm; display:flex; justify-content:space-between; color:#333">
    <span>${esc(title)}</span><span style="font-weight:bold">${confidential ? '内部资料 注意保存' : ''}</span></div>`;
}

export function footerTemplate(confidential: boolean): string {
  return `<div style="width:100%; font-size:8pt; font-family:'Noto Sans CJK SC',sans-serif; padding:0 16mm; display:flex; justify-content:space-between; color:#333">
    <span>${confidential ? '内部资料 注意保存' : ''}</span><span>第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</span><span></span></div>`;
}

/** True when a Chromium to print with is installed. */
export function canPrintPdf(): boolean {
  return findChromium() !== undefined;
}

export async function printPdf(html: string, options: PrintOptions): Promise<Buffer> {
  const executablePath = options.executablePath ?? findChromium();
  if (executablePath === undefined) throw new Error('no Chromium, Chrome or Edge found to print the PDF with');
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') || route.request().url() === 'about:blank' ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready');
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: headerTemplate(options.title, options.confidential),
      footerTemplate: footerTemplate(options.confidential),
      margin: { top: '22mm', bottom: '20mm', left: '16mm', right: '16mm' },
      preferCSSPageSize: false,
    });
  } finally {
    await browser.close();
  }
}

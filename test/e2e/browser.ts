// Debian's Chromium driven by playwright-core, with the flags this machine needs, and a maker of
// realistic Chinese application PDFs printed by Chromium itself (fonts-noto-cjk, embedded fonts).
import { existsSync, writeFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.REVIEWDESK_CHROMIUM ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  });
}

export interface PdfPage {
  heading: string;
  paragraphs: string[];
}

/** An A4 application document with one heading per page, as an applicant's office would print it. */
export async function makeChinesePdf(browser: Browser, file: string, title: string, pages: PdfPage[]): Promise<void> {
  const page = await browser.newPage();
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
    body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 14pt; line-height: 1.8; }
    h1 { font-size: 22pt; text-align: center; } h2 { font-size: 16pt; border-bottom: 1px solid #333; }
    section { page-break-after: always; }
  </style></head><body>${pages
    .map((p, i) => `<section>${i === 0 ? `<h1>${title}</h1>` : ''}<h2>${p.heading}</h2>${p.paragraphs.map((text) => `<p>${text}</p>`).join('')}</section>`)
    .join('')}</body></html>`;
  await page.setContent(html);
  writeFileSync(file, await page.pdf({ format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '20mm', right: '20mm' } }));
  await page.close();
}

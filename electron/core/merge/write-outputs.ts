// The files of a merge: results.json, summary.xlsx, conclusion.html, and conclusion.pdf where a
// Chromium is available to print it.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { conclusionHtml, type ConclusionOptions } from '../report/conclusion-html';
import { canPrintPdf, printPdf } from '../report/print-pdf';
import { summaryWorkbook } from '../report/summary-xlsx';
import type { MergeRun } from './run-merge';

async function writeAtomically(file: string, content: string | Buffer): Promise<void> {
  const partial = `${file}.partial-${process.pid}`;
  await writeFile(partial, content, { mode: 0o600 });
  await rename(partial, file);
}

export interface WrittenOutputs {
  results: string;
  summary: string;
  html: string;
  pdf: string | null;
  pdfError?: string;
}

export async function writeMergeOutputs(run: MergeRun, outDir: string, options: ConclusionOptions & { pdf?: boolean } = {}): Promise<WrittenOutputs> {
  await mkdir(outDir, { recursive: true });
  const written: WrittenOutputs = {
    results: path.join(outDir, 'results.json'),
    summary: path.join(outDir, 'summary.xlsx'),
    html: path.join(outDir, 'conclusion.html'),
    pdf: null,
  };
  await writeAtomically(written.results, `${JSON.stringify(run.results, null, 2)}\n`);
  await writeAtomically(written.summary, await summaryWorkbook(run));
  const html = conclusionHtml(run, options);
  await writeAtomically(written.html, html);
  if (options.pdf !== false && canPrintPdf()) {
    try {
      const pdf = await printPdf(html, { title: `${run.results.roundTitle}评审结论`, confidential: run.payload.round.confidential === true });
      written.pdf = path.join(outDir, 'conclusion.pdf');
      await writeAtomically(written.pdf, pdf);
    } catch (error) {
      written.pdfError = (error as Error).message;
    }
  }
  return written;
}

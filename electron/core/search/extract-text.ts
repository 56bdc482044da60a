// Extracts the text of a PDF page by page with pdf.js (legacy Node build; the modern build needs
// Promise.try, which Node 22 lacks).
//
// - The whole file is read into memory and handed to pdf.js as `data`: text extraction visits
//   every page anyway, and pdf.js keeps what it loaded, so range loading would save nothing.
//   Documents are up to ~100 MB; this runs in the indexer's worker thread, whose heap is capped.
// - pdf.js runs its parser in this thread (its "fake worker"): the module below registers it.
// - PDF JavaScript never runs: only the viewer's scripting sandbox (pdf.sandbox.mjs) executes
//   it, and nothing here loads it. pdf.js 6 has no eval-based code path left (`isEvalSupported`
//   was removed; it is passed anyway in case an older pdf.js is ever installed).
// - Fonts are never loaded into the system (`disableFontFace`, no system fonts); CMaps and
//   standard fonts come from the shipped folders, so non-embedded CJK fonts still give text.
// - Each document is time-boxed: a page cap, and a deadline checked around every pdf.js call.
//   A parser stuck in synchronous code cannot be interrupted from inside the thread; the
//   indexer host terminates the worker for that (see indexer.ts).
import { readFile } from 'node:fs/promises';
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { getDocument, InvalidPDFException, PasswordException, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { assertPdfjsAssets, packagedPdfjsAssets, type PdfjsAssets } from './pdfjs-assets';
import { pageText, type TextPiece } from './page-text';

export interface PageText {
  /** 1-based page number. */
  page: number;
  text: string;
}

export interface ExtractLimits {
  /** Documents with more pages are refused. */
  maxPages: number;
  /** Time allowed for one whole document, in milliseconds. */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: ExtractLimits = { maxPages: 5000, timeoutMs: 120_000 };

export interface ExtractOptions extends Partial<ExtractLimits> {
  signal?: AbortSignal;
  assets?: PdfjsAssets;
}

/** Why a document's text could not be extracted; the message is meant for the user. */
export class TextExtractionError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TextExtractionError';
  }
}

type DocumentInitParameters = NonNullable<Parameters<typeof getDocument>[0]>;

let packaged: PdfjsAssets | undefined;

function documentParameters(data: Uint8Array, assets: PdfjsAssets): DocumentInitParameters {
  const parameters: DocumentInitParameters & { isEvalSupported: boolean } = {
    data,
    cMapUrl: assets.cMapDir,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFontDir,
    wasmUrl: assets.wasmDir,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  };
  return parameters;
}

async function readPdf(file: string): Promise<Uint8Array> {
  try {
    const buffer = await readFile(file);
    // pdf.js transfers the array to its worker side; give it a buffer of its own.
    return buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength ? new Uint8Array(buffer.buffer) : new Uint8Array(buffer);
  } catch (error) {
    throw new TextExtractionError(`cannot read the stored file: ${(error as Error).message}`, { cause: error });
  }
}

function explain(error: unknown): TextExtractionError {
  if (error instanceof TextExtractionError) return error;
  if (error instanceof PasswordException) return new TextExtractionError('the PDF is protected by a password; its text cannot be read', { cause: error });
  if (error instanceof InvalidPDFException) return new TextExtractionError(`not a valid PDF (${error.message})`, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new TextExtractionError(`the PDF could not be read: ${message}`, { cause: error });
}

/** Races a pdf.js call against the document's deadline and the caller's cancellation. */
function bounded<T>(work: Promise<T>, deadline: number, limits: ExtractLimits, signal: AbortSignal | undefined, where: () => string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const overdue = () => reject(new TextExtractionError(`text extraction took longer than ${limits.timeoutMs / 1000} s (${where()}); stopped`));
    const cancelled = () => reject(signal?.reason instanceof Error ? signal.reason : new Error('cancelled'));
    if (signal?.aborted) return cancelled();
    const timer = setTimeout(overdue, Math.max(0, deadline - Date.now()));
    signal?.addEventListener('abort', cancelled, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancelled);
    });
  });
}

/** Lets timers and messages (cancellation) run between pages: pdf.js itself only chains microtasks. */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Yields the text of each page in order. Throws TextExtractionError for a file pdf.js cannot
 * read, a password-protected one, or one over the limits; rethrows the signal's reason when
 * cancelled, and throws a plain Error when pdf.js's data files are missing (an installation
 * problem, not the document's). pdf.js is always destroyed, also when the caller stops early.
 */
export async function* extractPages(file: string, options: ExtractOptions = {}): AsyncGenerator<PageText, void, undefined> {
  const limits: ExtractLimits = { maxPages: options.maxPages ?? DEFAULT_LIMITS.maxPages, timeoutMs: options.timeoutMs ?? DEFAULT_LIMITS.timeoutMs };
  const { signal } = options;
  const deadline = Date.now() + limits.timeoutMs;
  const assets = options.assets ?? (packaged ??= packagedPdfjsAssets());
  assertPdfjsAssets(assets);
  const data = await readPdf(file);
  const task = getDocument(documentParameters(data, assets));
  let at = 'opening the document';
  const where = () => at;
  try {
    const document = await bounded(task.promise, deadline, limits, signal, where).catch((error: unknown) => {
      throw signal?.aborted ? error : explain(error);
    });
    if (document.numPages > limits.maxPages) {
      throw new TextExtractionError(`the PDF has ${document.numPages} pages; the text index takes documents of up to ${limits.maxPages}`);
    }
    for (let number = 1; number <= document.numPages; number++) {
      at = `page ${number} of ${document.numPages}`;
      await turn();
      const text = await bounded(
        (async () => {
          const page = await document.getPage(number);
          try {
            const content = await page.getTextContent();
            return pageText(content.items.filter((item): item is TextPiece & typeof item => 'str' in item));
          } finally {
            page.cleanup();
          }
        })(),
        deadline,
        limits,
        signal,
        where,
      ).catch((error: unknown) => {
        throw signal?.aborted ? error : explain(error);
      });
      yield { page: number, text };
    }
  } finally {
    await task.destroy();
  }
}

// pdf.js set-up for the renderer: the worker comes from our own build (CSP `worker-src 'self'`),
// the data files from ./pdfjs/ (copied by scripts/copy-pdfjs-assets.mjs). Nothing is fetched
// from anywhere else. PDFs never run JavaScript: isEvalSupported is off and no scripting
// manager is created.
import { GlobalWorkerOptions, PDFWorker, getDocument } from 'pdfjs-dist';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist';
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

let sharedWorker: PDFWorker | null = null;

/**
 * The window's one pdf.js worker, shared by every document it opens and kept for the life of
 * the window. Starting a worker (fetching and compiling 1.3 MB of script, then a handshake)
 * took ~0.5 s on the benchmark machine, and it used to start only when getDocument was called,
 * once per document (a tab change started a new one). Loading tasks that are given a worker do
 * not own it: destroying one ends that document in the worker, not the worker.
 */
export function pdfWorker(): PDFWorker {
  if (!sharedWorker || sharedWorker.destroyed) sharedWorker = new PDFWorker();
  return sharedWorker;
}

/**
 * Starts the worker ahead of getDocument, so that its start overlaps rendering the viewer.
 * Idempotent; called while a viewer renders for the first time.
 */
export function warmUpPdfWorker(): void {
  pdfWorker();
}

/** Absolute URL of a folder under the served pdfjs/ directory, with the trailing slash. */
function assetFolder(name: string): string {
  return new URL(`./pdfjs/${name}/`, document.baseURI).href;
}

// pdfjs-dist 6 no longer has `isEvalSupported` (it never evaluates code: no eval, no
// `new Function`); the flag is still passed so an older pdf.js would honour it, and the CSP
// (`script-src 'self'`, no 'unsafe-eval') forbids eval either way.
type OpenParameters = DocumentInitParameters & { isEvalSupported: false };

export function openPdf(url: string): PDFDocumentLoadingTask {
  const parameters: OpenParameters = {
    url: new URL(url, document.baseURI).href,
    worker: pdfWorker(),
    isEvalSupported: false,
    cMapUrl: assetFolder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetFolder('standard_fonts'),
    wasmUrl: assetFolder('wasm'),
    iccUrl: assetFolder('iccs'),
    // Range requests first: streaming stays off, because with it on pdf.js reads the whole
    // initial response before anything else (measured: a 78 MB, 300-page PDF was fully
    // downloaded, 57 MB of it before page 1 showed); with it off, page 1 needed about 0.7 MB of
    // ranges. Auto-fetch stays on: once the visible pages are served, pdf.js fetches the rest in
    // range chunks in the background, so paging on does not wait for the disk each time
    // (benchmark: next page 64 ms → 24 ms, first page unchanged). See docs/architecture.md.
    disableAutoFetch: false,
    disableStream: true,
    rangeChunkSize: 65536,
    enableXfa: false,
  };
  return getDocument(parameters);
}

// Opens a PDF with pdf.js and tracks loading progress and failure. The previous loading task is
// always destroyed (and that destruction awaited) before the next document opens, on document
// change and on unmount alike.
import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';
import { openPdf } from './pdfjs';
import { classifyLoadError, isCancellation, type LoadErrorKind } from './logic/loadError';

export type DocumentState =
  | { status: 'loading'; loaded: number; total: number | null }
  | { status: 'ready'; document: PDFDocumentProxy; openedAt: number; ms: number }
  | { status: 'error'; kind: LoadErrorKind; detail: string };

const LOADING: DocumentState = { status: 'loading', loaded: 0, total: null };

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

/** `attempt` re-opens the same URL when it changes (the "try again" button). */
export function usePdfDocument(url: string, attempt: number): DocumentState {
  const [current, setCurrent] = useState<{ key: string; state: DocumentState }>({ key: '', state: LOADING });
  const destroyed = useRef<Promise<unknown>>(Promise.resolve());
  const key = `${attempt}\u0000${url}`;

  useEffect(() => {
    let active = true;
    let task: PDFDocumentLoadingTask | null = null;
    const update = (state: DocumentState): void => {
      if (active) setCurrent({ key, state });
    };
    const previous = destroyed.current;
    void previous.then(async () => {
      if (!active) return;
      const openedAt = performance.now();
      task = openPdf(url);
      let settled = false;
      // Progress continues after the document opens (ranges for later pages): report it only
      // while opening.
      task.onProgress = ({ loaded, total }: { loaded: number; total: number }) => {
        if (!settled) update({ status: 'loading', loaded, total: total > 0 ? total : null });
      };
      try {
        const document = await task.promise;
        settled = true;
        update({ status: 'ready', document, openedAt, ms: performance.now() - openedAt });
      } catch (error: unknown) {
        settled = true;
        if (!isCancellation(error)) update({ status: 'error', kind: classifyLoadError(error), detail: describe(error) });
      }
    });
    return () => {
      active = false;
      destroyed.current = previous.then(() => task?.destroy()).catch(() => undefined);
    };
  }, [key, url]);

  return current.key === key ? current.state : LOADING;
}

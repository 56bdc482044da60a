// Opens a PDF with pdf.js and tracks loading progress and failure. The previous loading task is
// always destroyed (and that destruction awaited) before the next document opens, on document
// change and on unmount alike.
import { useLayoutEffect, useRef, useState } from 'react';
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

/** Destruction of the previous loading task; `done` once it has settled. */
interface Teardown {
  promise: Promise<unknown>;
  done: boolean;
}

/** `attempt` re-opens the same URL when it changes (the "try again" button). */
export function usePdfDocument(url: string, attempt: number): DocumentState {
  const [current, setCurrent] = useState<{ key: string; state: DocumentState }>({ key: '', state: LOADING });
  const destroyed = useRef<Teardown | null>(null);
  const key = `${attempt}\u0000${url}`;

  // A layout effect, and synchronous when nothing is being torn down: the worker and the first
  // range requests start right after the first commit, before the viewer's controls render and
  // before the browser paints (measured: opening waited ~500 ms for the toolbar and sidebar).
  useLayoutEffect(() => {
    let active = true;
    let task: PDFDocumentLoadingTask | null = null;
    const update = (state: DocumentState): void => {
      if (active) setCurrent({ key, state });
    };
    const open = (): void => {
      const openedAt = performance.now();
      const opening = openPdf(url);
      task = opening;
      let settled = false;
      // Progress continues after the document opens (ranges for later pages): report it only
      // while opening.
      opening.onProgress = ({ loaded, total }: { loaded: number; total: number }) => {
        if (!settled) update({ status: 'loading', loaded, total: total > 0 ? total : null });
      };
      opening.promise.then(
        (document) => {
          settled = true;
          update({ status: 'ready', document, openedAt, ms: performance.now() - openedAt });
        },
        (error: unknown) => {
          settled = true;
          if (!isCancellation(error)) update({ status: 'error', kind: classifyLoadError(error), detail: describe(error) });
        },
      );
    };
    const previous = destroyed.current;
    if (previous === null || previous.done) open();
    else {
      void previous.promise.then(() => {
        if (active) open();
      });
    }
    return () => {
      active = false;
      const teardown: Teardown = { promise: Promise.resolve(), done: false };
      teardown.promise = (previous?.promise ?? Promise.resolve())
        .then(() => task?.destroy())
        .catch(() => undefined)
        .finally(() => {
          teardown.done = true;
        });
      destroyed.current = teardown;
    };
  }, [key, url]);

  return current.key === key ? current.state : LOADING;
}

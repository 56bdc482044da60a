// Indexes every pending document of a workstation, one after another, in the calling thread.
// The indexer worker runs exactly this; tests and small stores may call it directly.
import type { Db } from '../store/database';
import { documentFile } from '../store/document-store';
import { extractPages, TextExtractionError, type ExtractOptions, type PageText } from './extract-text';
import type { IndexProgress, IndexSummary } from './indexer-messages';
import { pendingDocuments, recordDocumentText, recordFailure } from './text-index';

export interface IndexOptions extends Omit<ExtractOptions, 'signal'> {
  signal?: AbortSignal;
  /** The extractor; tests substitute one. */
  extract?: typeof extractPages;
}

export async function indexPendingInline(
  db: Db,
  documentsDir: string,
  onProgress: (progress: IndexProgress) => void = () => {},
  options: IndexOptions = {},
): Promise<IndexSummary> {
  const { signal, extract = extractPages, ...extractOptions } = options;
  const pending = pendingDocuments(db);
  const progress: IndexProgress = { done: 0, failed: 0, total: pending.length, current: null };
  for (const document of pending) {
    if (signal?.aborted) break;
    progress.current = document.sha256;
    onProgress({ ...progress });
    const pages: PageText[] = [];
    let failure: string | undefined;
    try {
      for await (const page of extract(documentFile(documentsDir, document.sha256), { ...extractOptions, ...(signal ? { signal } : {}) })) {
        pages.push(page);
      }
    } catch (error) {
      if (signal?.aborted) break;
      // Anything but a TextExtractionError is not about this document (missing pdf.js data, a
      // bug): stop rather than mark every document failed for good.
      if (!(error instanceof TextExtractionError)) throw error;
      failure = error.message;
    }
    if (failure !== undefined) {
      recordFailure(db, document.sha256, failure);
      progress.failed++;
    } else {
      recordDocumentText(db, document.sha256, pages);
    }
    progress.done++;
  }
  progress.current = null;
  onProgress({ ...progress });
  return { total: progress.total, done: progress.done, failed: progress.failed, cancelled: signal?.aborted === true };
}

// Runs text indexing in a worker thread and watches it. pdf.js cannot be interrupted inside a
// synchronous parse, so the host is the last line of defence: a worker that spends longer than
// the document time limit (plus grace) on one document, or dies on one (out of memory, a crash),
// is replaced by a new worker that records that document as failed and goes on with the rest.
import { Worker } from 'node:worker_threads';
import { DEFAULT_LIMITS, type ExtractLimits } from './extract-text';
import type { PdfjsAssets } from './pdfjs-assets';
import {
  isWorkerMessage,
  type HostMessage,
  type IndexerWorkerData,
  type IndexProgress,
  type IndexSummary,
  type RecordedFailure,
} from './indexer-messages';

export { indexPendingInline } from './index-pending';
export type { IndexProgress, IndexSummary } from './indexer-messages';

export interface TextIndexingOptions {
  dataDir: string;
  /** The bundled indexer-worker.ts. */
  workerFile: string;
  onProgress?: (progress: IndexProgress) => void;
  limits?: Partial<ExtractLimits>;
  /** pdf.js data folders, for a packaged app that ships them outside node_modules (or the asar). */
  assets?: PdfjsAssets;
  /** How much longer than limits.timeoutMs the host waits before terminating a stuck worker. */
  graceMs?: number;
  /** Heap cap of the worker thread, in MB. */
  maxHeapMb?: number;
  /** How long cancel() waits for the worker to stop by itself before terminating it. */
  cancelWaitMs?: number;
}

export interface TextIndexing {
  done: Promise<IndexSummary>;
  /** Stops after the current page; resolves once the worker has exited. */
  cancel(): Promise<void>;
}

export function startTextIndexing(options: TextIndexingOptions): TextIndexing {
  const limits: ExtractLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const stallMs = limits.timeoutMs + (options.graceMs ?? 30_000);
  // Documents finished by workers that were replaced.
  const base = { done: 0, failed: 0 };
  let worker: Worker | undefined;
  let cancelled = false;
  let settled = false;
  let exited: Promise<void> = Promise.resolve();

  const done = new Promise<IndexSummary>((resolve, reject) => {
    const finish = (outcome: { summary: IndexSummary } | { error: Error }) => {
      settled = true;
      if ('summary' in outcome) resolve(outcome.summary);
      else reject(outcome.error);
    };

    const launch = (failures: RecordedFailure[]) => {
      const workerData: IndexerWorkerData = { dataDir: options.dataDir, limits, failures, ...(options.assets ? { assets: options.assets } : {}) };
      const thread = new Worker(options.workerFile, { workerData, resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 2048 } });
      worker = thread;
      let last: IndexProgress = { done: 0, failed: 0, total: 0, current: null };
      let summary: IndexSummary | undefined;
      let fatal: string | undefined;
      let crash: Error | undefined;
      let stalled = false;
      let watchdog: NodeJS.Timeout | undefined;
      const disarm = () => clearTimeout(watchdog);

      thread.on('message', (message: unknown) => {
        if (!isWorkerMessage(message)) return;
        if (message.type === 'progress') {
          last = message.progress;
          disarm();
          if (last.current !== null) {
            watchdog = setTimeout(() => {
              stalled = true;
              void thread.terminate();
            }, stallMs);
          }
          options.onProgress?.({ done: base.done + last.done, failed: base.failed + last.failed, total: base.done + last.total, current: last.current });
        } else if (message.type === 'finished') {
          summary = message.summary;
        } else {
          fatal = message.message;
        }
      });
      thread.on('error', (error) => {
        crash = error;
      });
      exited = new Promise((resolveExit) => {
        thread.once('exit', (code) => {
          disarm();
          resolveExit();
          if (summary !== undefined) {
            finish({ summary: { total: base.done + summary.total, done: base.done + summary.done, failed: base.failed + summary.failed, cancelled: summary.cancelled } });
          } else if (fatal !== undefined) {
            finish({ error: new Error(`text indexing failed: ${fatal}`) });
          } else if (cancelled) {
            finish({ summary: { total: base.done + last.total, done: base.done + last.done, failed: base.failed + last.failed, cancelled: true } });
          } else if (last.current !== null) {
            const reason = stalled
              ? `text extraction did not finish within ${Math.round(stallMs / 1000)} s and was stopped`
              : `the text extractor stopped on this document (${crash?.message ?? `exit code ${code}`})`;
            base.done += last.done + 1;
            base.failed += last.failed + 1;
            launch([{ sha256: last.current, error: reason }]);
          } else {
            finish({ error: new Error(`the text indexing worker stopped unexpectedly (${crash?.message ?? `exit code ${code}`})`) });
          }
        });
      });
    };

    try {
      launch([]);
    } catch (error) {
      finish({ error: error instanceof Error ? error : new Error(String(error)) });
    }
  });

  const cancel = async (): Promise<void> => {
    if (settled || worker === undefined) return;
    cancelled = true;
    const thread = worker;
    thread.postMessage({ type: 'cancel' } satisfies HostMessage);
    const force = setTimeout(() => void thread.terminate(), options.cancelWaitMs ?? 5_000);
    await exited;
    clearTimeout(force);
    // A worker replaced while cancelling has exited too; the summary is settled by then.
    await done.then(
      () => undefined,
      () => undefined,
    );
  };

  return { done, cancel };
}

// Everything the indexer host and its worker thread say to each other, typed in one place.
import type { ExtractLimits } from './extract-text';
import type { PdfjsAssets } from './pdfjs-assets';

/** Progress of one indexing run. `done` counts finished documents, failed ones included. */
export interface IndexProgress {
  done: number;
  failed: number;
  total: number;
  /** SHA-256 of the document being extracted, or null between documents and at the end. */
  current: string | null;
}

export interface IndexSummary {
  /** Documents this run set out to index. */
  total: number;
  /** Documents finished (failed ones included); equals total unless cancelled. */
  done: number;
  failed: number;
  cancelled: boolean;
}

export interface RecordedFailure {
  sha256: string;
  error: string;
}

/** workerData of the indexer worker. */
export interface IndexerWorkerData {
  dataDir: string;
  limits: ExtractLimits;
  /** pdf.js data folders; the ones inside the installed pdfjs-dist when absent. */
  assets?: PdfjsAssets;
  /** Failures the host saw (a worker that hung or crashed on a document), recorded first. */
  failures: RecordedFailure[];
}

export type HostMessage = { type: 'cancel' };

export type WorkerMessage =
  | { type: 'progress'; progress: IndexProgress }
  | { type: 'finished'; summary: IndexSummary }
  | { type: 'fatal'; message: string };

export function isWorkerMessage(value: unknown): value is WorkerMessage {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  return value.type === 'progress' || value.type === 'finished' || value.type === 'fatal';
}

export function isHostMessage(value: unknown): value is HostMessage {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'cancel';
}

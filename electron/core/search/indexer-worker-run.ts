// The body of the indexer worker: its own database connection, the failures the host saw, then
// every pending document, reporting progress and obeying a cancel message.
import path from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import type { Db } from '../store/database';
import { DOCUMENTS_DIR } from '../store/document-store';
import { DEFAULT_LIMITS, extractPages } from './extract-text';
import { openIndexConnection } from './index-connection';
import { indexPendingInline } from './index-pending';
import { isHostMessage, type IndexerWorkerData, type WorkerMessage } from './indexer-messages';
import { recordFailure } from './text-index';

export function parseWorkerData(value: unknown): IndexerWorkerData {
  if (typeof value !== 'object' || value === null) throw new Error('the indexer worker needs workerData');
  const data = value as Partial<IndexerWorkerData>;
  if (typeof data.dataDir !== 'string' || data.dataDir === '') throw new Error('workerData.dataDir must name the data directory');
  const failures = Array.isArray(data.failures) ? data.failures.filter((f) => typeof f?.sha256 === 'string' && typeof f?.error === 'string') : [];
  const assets = data.assets !== undefined && typeof data.assets.cMapDir === 'string' ? { assets: data.assets } : {};
  return { dataDir: data.dataDir, limits: { ...DEFAULT_LIMITS, ...data.limits }, failures, ...assets };
}

export async function runIndexerWorker(port: MessagePort, data: IndexerWorkerData, extract = extractPages): Promise<void> {
  const post = (message: WorkerMessage) => port.postMessage(message);
  const controller = new AbortController();
  const onMessage = (message: unknown) => {
    if (isHostMessage(message)) controller.abort(new Error('text indexing was cancelled'));
  };
  port.on('message', onMessage);
  let db: Db | undefined;
  try {
    db = openIndexConnection(data.dataDir);
    for (const failure of data.failures) recordFailure(db, failure.sha256, failure.error);
    const summary = await indexPendingInline(db, path.join(data.dataDir, DOCUMENTS_DIR), (progress) => post({ type: 'progress', progress }), {
      ...data.limits,
      ...(data.assets !== undefined ? { assets: data.assets } : {}),
      signal: controller.signal,
      extract,
    });
    post({ type: 'finished', summary });
  } catch (error) {
    post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
  } finally {
    db?.close();
    // Without a listener the thread has nothing left to wait for and exits.
    port.off('message', onMessage);
  }
}

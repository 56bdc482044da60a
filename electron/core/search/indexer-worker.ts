// Entry of the indexer worker thread. The host bundles this file on its own and passes its path
// to startTextIndexing; it opens no lock and runs no migrations (the owning process did).
import { parentPort, workerData } from 'node:worker_threads';
import { parseWorkerData, runIndexerWorker } from './indexer-worker-run';

if (parentPort === null) throw new Error('indexer-worker runs as a worker thread (see startTextIndexing)');
void runIndexerWorker(parentPort, parseWorkerData(workerData));

// Full-text search for the workspace: text extraction runs in a worker after each import (and at
// start-up for anything left over); searches read the FTS5 index.
import type { SearchHit } from '../../../shared/api/contract';
import { indexStatus, searchRound, startTextIndexing, type TextIndexing } from '../search';
import type { Workstation } from '../store/workstation';
import type { SearchService } from './api-handlers';

export interface TextSearch {
  service: SearchService;
  /** Starts extraction of every pending document (again after the current run, if one is going). */
  startIndexing(): void;
  stop(): Promise<void>;
}

export function createTextSearch(workstation: Workstation, workerFile: string, onError: (error: unknown) => void = () => undefined): TextSearch {
  let running: TextIndexing | null = null;
  let again = false;
  let stopped = false;

  const start = () => {
    if (stopped) return;
    if (running !== null) {
      again = true;
      return;
    }
    const run = startTextIndexing({ dataDir: workstation.dir, workerFile });
    running = run;
    run.done
      .catch(onError)
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          start();
        }
      });
  };

  return {
    service: {
      query: (roundId, query): SearchHit[] =>
        searchRound(workstation.db, roundId, query).map((hit) => ({
          applicantId: hit.applicantId,
          applicantName: hit.applicantName,
          documentId: hit.sha256,
          documentTitle: hit.documentTitle,
          documentPosition: hit.documentPosition,
          page: hit.page,
          snippet: hit.snippet,
        })),
      status: (roundId) => ({ ...indexStatus(workstation.db, roundId), running: running !== null }),
    },
    startIndexing: start,
    stop: async () => {
      stopped = true;
      await running?.cancel();
    },
  };
}

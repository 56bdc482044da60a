// A tiny FIFO with a concurrency limit, used so thumbnails render a few at a time and never
// compete with the main pages. Jobs that are cancelled before they start never run.

export interface QueuedJob {
  cancel(): void;
}

export interface RenderQueue {
  push(run: () => Promise<void>): QueuedJob;
  readonly running: number;
  readonly waiting: number;
}

export function createRenderQueue(concurrency: number): RenderQueue {
  const waiting: { run: () => Promise<void>; cancelled: boolean }[] = [];
  let running = 0;
  const pump = (): void => {
    while (running < concurrency && waiting.length > 0) {
      const job = waiting.shift();
      if (!job || job.cancelled) continue;
      running += 1;
      void job.run().catch(() => undefined).finally(() => {
        running -= 1;
        pump();
      });
    }
  };
  return {
    push(run) {
      const job = { run, cancelled: false };
      waiting.push(job);
      queueMicrotask(pump);
      return {
        cancel() {
          job.cancelled = true;
        },
      };
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.filter((job) => !job.cancelled).length;
    },
  };
}

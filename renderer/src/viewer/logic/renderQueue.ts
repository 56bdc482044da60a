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

/** The part of pdf.js's PDFRenderingQueue that a thumbnail renderer plugs into. */
export interface ViewerRenderingQueue {
  isThumbnailViewEnabled: boolean;
  setThumbnailViewer(viewer: { forceRendering(): boolean } | null): void;
  renderHighestPriority(currentlyVisiblePages?: object): void;
}

/**
 * Thumbnails through the main viewer's own rendering queue, as pdf.js's thumbnail viewer does:
 * the queue asks for a thumbnail only once the visible pages (and the one pre-rendered ahead)
 * are drawn, so thumbnails never compete with them for the worker; one renders at a time.
 * `dispose` unplugs it and drops what is still waiting.
 */
export function createIdleRenderQueue(viewerQueue: ViewerRenderingQueue): RenderQueue & { dispose(): void } {
  const waiting: { run: () => Promise<void>; cancelled: boolean }[] = [];
  let running = 0;
  let disposed = false;
  let kick = false;
  const forceRendering = (): boolean => {
    if (running > 0) return true;
    let job = waiting.shift();
    while (job?.cancelled) job = waiting.shift();
    if (!job || disposed) return false;
    running = 1;
    void job.run().catch(() => undefined).finally(() => {
      running = 0;
      if (!disposed) viewerQueue.renderHighestPriority();
    });
    return true;
  };
  viewerQueue.setThumbnailViewer({ forceRendering });
  viewerQueue.isThumbnailViewEnabled = true;
  return {
    push(run) {
      const job = { run, cancelled: false };
      waiting.push(job);
      // Let the viewer decide: it renders its own pages first and asks for a thumbnail when idle.
      if (!kick) {
        kick = true;
        queueMicrotask(() => {
          kick = false;
          if (!disposed && running === 0) viewerQueue.renderHighestPriority();
        });
      }
      return {
        cancel() {
          job.cancelled = true;
        },
      };
    },
    dispose() {
      disposed = true;
      waiting.length = 0;
      viewerQueue.isThumbnailViewEnabled = false;
      viewerQueue.setThumbnailViewer(null);
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.filter((job) => !job.cancelled).length;
    },
  };
}

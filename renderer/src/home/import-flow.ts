// The import of a bundle as a small state machine: read (upload) → verify the manifest → the user
// looks at the issuer (and confirms a new one) → verify and store every document → result.
import { create } from 'zustand';
import { ApiError, type BundlePreview, type BundleSource, type ImportSummary, type JobView } from '../../../shared/api/contract';
import { call, client } from '../api/client';

export type ImportState =
  | { step: 'idle' }
  | { step: 'reading'; fraction: number }
  | { step: 'verifying' }
  | { step: 'preview'; preview: BundlePreview }
  | { step: 'importing'; preview: BundlePreview; job: JobView<ImportSummary> | null }
  | { step: 'done'; preview: BundlePreview; summary: ImportSummary }
  | { step: 'failed'; error: unknown; preview?: BundlePreview };

interface ImportFlow {
  state: ImportState;
  openFile(file: File): Promise<void>;
  pick(): Promise<void>;
  openPath(path: string): Promise<void>;
  start(confirmIssuer?: string): Promise<void>;
  reset(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const useImportFlow = create<ImportFlow>((set, get) => {
  async function openSource(source: BundleSource) {
    set({ state: { step: 'verifying' } });
    try {
      set({ state: { step: 'preview', preview: await call('bundle.open', { source }) } });
    } catch (error) {
      set({ state: { step: 'failed', error } });
    }
  }
  return {
    state: { step: 'idle' },
    openFile: async (file) => {
      set({ state: { step: 'reading', fraction: 0 } });
      try {
        const source = await client.sourceFromFile(file, (fraction) => set({ state: { step: 'reading', fraction } }));
        await openSource(source);
      } catch (error) {
        set({ state: { step: 'failed', error } });
      }
    },
    openPath: (path) => openSource({ kind: 'path', path }),
    pick: async () => {
      try {
        const source = await client.pickBundle();
        if (source !== null) await openSource(source);
      } catch (error) {
        set({ state: { step: 'failed', error } });
      }
    },
    start: async (confirmIssuer) => {
      const current = get().state;
      if (current.step !== 'preview') return;
      const { preview } = current;
      set({ state: { step: 'importing', preview, job: null } });
      try {
        const { jobId } = await call('bundle.import', { openId: preview.openId, ...(confirmIssuer !== undefined ? { confirmIssuer } : {}) });
        for (;;) {
          const job = await call('job.get', { jobId });
          if (job.state === 'done' && job.result) return set({ state: { step: 'done', preview, summary: job.result } });
          if (job.state === 'failed') return set({ state: { step: 'failed', preview, error: new ApiError(job.error ?? { code: 'failed', message: 'import failed' }) } });
          set({ state: { step: 'importing', preview, job } });
          await sleep(200);
        }
      } catch (error) {
        set({ state: { step: 'failed', preview, error } });
      }
    },
    reset: async () => {
      const current = get().state;
      if (current.step === 'preview') await call('bundle.discard', { openId: current.preview.openId }).catch(() => undefined);
      set({ state: { step: 'idle' } });
    },
  };
});

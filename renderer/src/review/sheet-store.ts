// The open sheet: the draft as typed, its live evaluation, and autosave. Every change is saved
// within 300 ms (one save in flight at a time, the newest draft always last); navigation flushes.
import { create } from 'zustand';
import type { ApplicantView } from '../../../shared/api/contract';
import type { Rubric } from '../../../shared/round/schema';
import { emptyDraft, evaluateDraft, type DraftEvaluation, type SheetDraft } from '../../../shared/sheet/draft';
import { call } from '../api/client';

export const AUTOSAVE_DELAY_MS = 300;

export type SaveState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

interface SheetState {
  roundId: string | null;
  applicantId: string | null;
  rubric: Rubric | null;
  draft: SheetDraft;
  evaluation: DraftEvaluation | null;
  reopenedReason: string | null;
  save: SaveState;
  load(view: ApplicantView): void;
  update(change: (draft: SheetDraft) => SheetDraft): void;
  flush(): Promise<void>;
}

let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<void> | null = null;
let dirty = false;

export const useSheet = create<SheetState>((set, get) => {
  async function saveNow(): Promise<void> {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (inFlight) await inFlight;
    if (!dirty) return;
    const { roundId, applicantId, draft } = get();
    if (roundId === null || applicantId === null) return;
    dirty = false;
    set({ save: { kind: 'saving' } });
    inFlight = call('sheet.save', { roundId, applicantId, draft })
      .then((saved) => {
        if (get().applicantId === applicantId) set({ save: dirty ? { kind: 'pending' } : { kind: 'saved', at: saved.updatedAt }, reopenedReason: null });
      })
      .catch((error: unknown) => {
        dirty = true;
        set({ save: { kind: 'error', message: error instanceof Error ? error.message : String(error) } });
        timer = setTimeout(() => void saveNow(), 2000);
      })
      .finally(() => {
        inFlight = null;
      });
    await inFlight;
    if (dirty && timer === undefined) await saveNow();
  }

  return {
    roundId: null,
    applicantId: null,
    rubric: null,
    draft: emptyDraft(),
    evaluation: null,
    reopenedReason: null,
    save: { kind: 'idle' },
    load: (view) => {
      const draft = view.sheet?.draft ?? emptyDraft();
      set({
        roundId: view.roundId,
        applicantId: view.applicant.id,
        rubric: view.rubric,
        draft,
        evaluation: evaluateDraft(view.rubric, view.applicant.id, draft),
        reopenedReason: view.sheet?.reopenedReason ?? null,
        save: view.sheet ? { kind: 'saved', at: view.sheet.updatedAt } : { kind: 'idle' },
      });
    },
    update: (change) => {
      const { rubric, applicantId } = get();
      if (rubric === null || applicantId === null) return;
      const draft = change(get().draft);
      dirty = true;
      set({ draft, evaluation: evaluateDraft(rubric, applicantId, draft), save: { kind: 'pending' } });
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    },
    flush: saveNow,
  };
});

window.addEventListener('beforeunload', () => void useSheet.getState().flush());

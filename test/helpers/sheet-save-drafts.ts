// The drafts the autosave child writes (test/helpers/sheet-save-child.ts), and how to tell which
// save a stored draft came from.
import { emptyDraft, type SheetDraft } from '../../shared/sheet/draft';

/** Save number n: small or large, always storable (sheetDraftSchema limits). */
export function draftForSave(n: number): SheetDraft {
  const filler = n % 3 === 0 ? '评审意见'.repeat(2_500 + (n % 7) * 100) : '';
  return { ...emptyDraft(), scores: { c1: String((n % 50) / 2) }, comment: `save ${n} ${filler}` };
}

/** The save number a stored draft carries, or undefined when it is not one of ours. */
export function saveNumberOf(draft: SheetDraft): number | undefined {
  const match = /^save (\d+) /.exec(draft.comment);
  return match === null ? undefined : Number(match[1]);
}

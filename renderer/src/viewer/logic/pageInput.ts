// Parses what the expert types into the page box ("第 [5] / 86 页"). Full-width digits from a
// Chinese input method are accepted; anything else is refused with a reason the UI can explain.

export type PageInputResult =
  | { ok: true; page: number }
  | { ok: false; reason: 'empty' | 'notANumber' | 'outOfRange' };

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;

export function parsePageInput(text: string, pages: number): PageInputResult {
  const normalized = text.replace(FULL_WIDTH_DIGIT, (d) => String(d.charCodeAt(0) - 0xff10)).trim();
  if (normalized === '') return { ok: false, reason: 'empty' };
  if (!/^\d+$/.test(normalized)) return { ok: false, reason: 'notANumber' };
  const page = Number(normalized);
  if (!Number.isSafeInteger(page) || page < 1 || page > pages) return { ok: false, reason: 'outOfRange' };
  return { ok: true, page };
}

/** Clamps a page number into 1..pages (pages ≥ 1). */
export function clampPage(page: number, pages: number): number {
  if (!Number.isFinite(page)) return 1;
  return Math.min(Math.max(1, Math.round(page)), Math.max(1, pages));
}

// Reading what an expert typed into a cell: exceljs cell values (loosely typed) turned into text,
// and the lenient readings of scores, 是/否 answers and the 回避 mark.

/** A cell's content as import sees it. `number` is set for numeric cells, `boolean` for TRUE/FALSE. */
export interface CellContent {
  /** The text shown for the value ('' for an empty cell); numbers in their shortest form. */
  text: string;
  number?: number;
  boolean?: boolean;
}

const EMPTY: CellContent = { text: '' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Any exceljs cell value (number, string, rich text, hyperlink, formula, error, date) as content. */
export function cellContent(value: unknown): CellContent {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return Number.isFinite(value) ? { text: String(value), number: value } : { text: String(value) };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', boolean: value };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10) };
  if (!isRecord(value)) return { text: String(value) };
  if (Array.isArray(value.richText)) {
    const parts = value.richText.map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : ''));
    return { text: parts.join('') };
  }
  if ('formula' in value || 'sharedFormula' in value) {
    if ('result' in value && value.result !== undefined) return cellContent(value.result);
    const formula = typeof value.formula === 'string' ? value.formula : typeof value.sharedFormula === 'string' ? value.sharedFormula : '';
    // a formula nobody calculated: keep its text so the problem is visible, never a silent blank
    return { text: `=${formula}` };
  }
  if (typeof value.hyperlink === 'string' || typeof value.text === 'string') {
    return typeof value.text === 'string' ? { text: value.text } : cellContent(value.text);
  }
  if (typeof value.error === 'string') return { text: value.error };
  return { text: '' };
}

/** NFKC (full-width digits and letters to ASCII, U+3000 to a space), then trimmed. */
export function normalized(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

const DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * The draft text of a score cell: a number in its plain form (`25`, `12.5`) when the cell reads as
 * one — full-width digits, surrounding spaces, a trailing 分, `25.` and `.5` accepted — else the
 * text as typed (trimmed), which the draft keeps and the rules report.
 */
export function scoreText(content: CellContent): string {
  if (content.number !== undefined) return String(content.number);
  let text = normalized(content.text).replace(/\s*分$/, '');
  if (/^\d+\.$/.test(text)) text = text.slice(0, -1);
  if (/^\.\d+$/.test(text)) text = `0${text}`;
  if (DECIMAL.test(text)) return text.replace(/^0+(?=\d)/, '');
  if (/^-\s*\d+(?:\.\d+)?$/.test(text)) return text.replace(/\s+/g, '');
  return content.text.trim();
}

const YES = new Set(['是', 'y', 'yes', '√', '✓', '✔', '☑', '符合', '通过', '合格', '对', 'true', '1']);
const NO = new Set(['否', 'n', 'no', '×', '✗', '✘', 'x', '☒', '不符合', '不通过', '不合格', '错', 'false', '0']);

/** 是/否 (and Y/N, √/×, 符合/不符合, …): true, false, or undefined when the cell says neither. */
export function yesNo(content: CellContent): boolean | undefined {
  if (content.boolean !== undefined) return content.boolean;
  const text = normalized(content.text).toLowerCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return undefined;
}

/** The 回避 column: 是 (or 回避, Y, √) marks a conflict; empty, 否, N do not; anything else is unclear. */
export function conflictMark(content: CellContent): boolean | undefined {
  if (isBlank(content)) return false;
  if (normalized(content.text) === '回避') return true;
  return yesNo(content);
}

export function isBlank(content: CellContent): boolean {
  return content.boolean === undefined && content.number === undefined && normalized(content.text) === '';
}

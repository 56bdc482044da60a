// The score workbook's layout, shared by the writer and the reader: where the header rows are, the
// machine keys of the hidden key row, and the plan of columns a rubric gets.
//
// Import never depends on labels: every category sheet carries a hidden row whose cells name the
// field of their column (`rd:score:c1`, `rd:check:k1`, …). Excel moves those cells with their
// column, so a column the expert inserts or moves is still read right.
import { formatExact, exactOf } from '../../../shared/exact';
import { isGroup, type Check, type Criterion, type LeafCriterion, type Rubric } from '../../../shared/round/schema';
import { allCriteria } from '../../../shared/rubric/criteria';

/** Format tag written into the meta sheet; the reader refuses any other. */
export const WORKBOOK_FORMAT = 'reviewdesk.score-workbook/1';
export const META_SHEET = 'meta';
export const INSTRUCTIONS_SHEET = '说明';

/** Header rows of a category sheet (1-based). */
export const GROUP_ROW = 1;
export const LABEL_ROW = 2;
export const LIMIT_ROW = 3;
/** The hidden row of column keys; data rows follow it. */
export const KEY_ROW = 4;
export const FIRST_DATA_ROW = 5;

/** What a column of a category sheet holds. */
export type ColumnField =
  | { kind: 'applicant' }
  | { kind: 'name' }
  | { kind: 'check'; id: string }
  | { kind: 'score'; id: string }
  | { kind: 'total' }
  | { kind: 'conflict' }
  | { kind: 'conflictReason' }
  | { kind: 'criterionComment'; id: string }
  | { kind: 'comment' };

const KEY_PREFIX = 'rd:';

/** The key-row text of a field: `rd:applicant`, `rd:score:c1`, … (ids may contain `:`). */
export function fieldKey(field: ColumnField): string {
  switch (field.kind) {
    case 'check':
    case 'score':
    case 'criterionComment':
      return `${KEY_PREFIX}${field.kind}:${field.id}`;
    default:
      return `${KEY_PREFIX}${field.kind}`;
  }
}

/** The field a key-row text names, or undefined for anything else (a column the expert added). */
export function parseFieldKey(text: string): ColumnField | undefined {
  if (!text.startsWith(KEY_PREFIX)) return undefined;
  const rest = text.slice(KEY_PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon < 0) {
    switch (rest) {
      case 'applicant':
      case 'name':
      case 'total':
      case 'conflict':
      case 'conflictReason':
      case 'comment':
        return { kind: rest };
      default:
        return undefined;
    }
  }
  const kind = rest.slice(0, colon);
  const id = rest.slice(colon + 1);
  if (id === '') return undefined;
  if (kind === 'check' || kind === 'score' || kind === 'criterionComment') return { kind, id };
  return undefined;
}

/** One column of a category sheet as the writer lays it out. */
export interface PlannedColumn {
  field: ColumnField;
  /** Row 1: the band this column belongs to (a criterion group, 资格审查, …); undefined: rows 1–2 merged. */
  band?: { key: string; label: string };
  /** Row 2 (or rows 1–2 when there is no band). */
  label: string;
  /** Row 3: limits and hints. */
  hint: string;
  width: number;
  check?: Check;
  leaf?: LeafCriterion;
  criterion?: Criterion;
}

/** "0–25，步长0.5" */
export function limitText(leaf: Pick<LeafCriterion, 'max' | 'step'>): string {
  return `0–${formatExact(exactOf(leaf.max))}，步长${formatExact(exactOf(leaf.step))}`;
}

/** Display width in Excel character units: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Leaves of a criterion with the labels of the groups between (nested groups: "组·子组·项"). */
function leafPaths(criterion: Criterion, prefix: string[]): Array<{ leaf: LeafCriterion; path: string[] }> {
  if (!isGroup(criterion)) return [{ leaf: criterion, path: prefix }];
  return criterion.children.flatMap((child) => leafPaths(child, [...prefix, criterion.label]));
}

/** The threshold below which a criterion needs a comment: max × percent / 100, exact. */
export function commentThreshold(criterion: Criterion, percent: number): string {
  const max = allLeafMax(criterion);
  return formatExact(max.mul(exactOf(percent)).div(100));
}

function allLeafMax(criterion: Criterion) {
  const parts = leafPaths(criterion, []).map(({ leaf }) => exactOf(leaf.max));
  return parts.reduce((sum, part) => sum.add(part), exactOf(0));
}

/**
 * The columns of a category sheet, left to right: 编号, 申报单位, each check, each leaf score, 合计,
 * 回避, 回避理由, one 扣分理由 column per criterion (only when the rubric has
 * criterionCommentBelowPercent), 总体评审意见.
 */
export function planColumns(rubric: Rubric, longestName: number, longestId: number): PlannedColumn[] {
  const columns: PlannedColumn[] = [
    { field: { kind: 'applicant' }, label: '编号', hint: '请勿修改', width: clamp(longestId + 4, 8, 16) },
    { field: { kind: 'name' }, label: '申报单位', hint: '', width: clamp(longestName + 2, 16, 40) },
  ];
  for (const check of rubric.checks ?? []) {
    columns.push({
      field: { kind: 'check', id: check.id },
      band: { key: 'checks', label: '资格审查' },
      label: check.veto === true ? `${check.label}（否决项）` : check.label,
      hint: '是/否',
      width: clamp(Math.ceil(displayWidth(check.label) / 2) + 2, 10, 18),
      check,
    });
  }
  for (const top of rubric.criteria) {
    const band = isGroup(top)
      ? { key: `group:${top.id}`, label: `${top.label}（${formatExact(allLeafMax(top))}分）` }
      : undefined;
    for (const { leaf, path } of leafPaths(top, [])) {
      const inner = path.slice(1);
      const label = [...inner, leaf.label].join('·');
      columns.push({
        field: { kind: 'score', id: leaf.id },
        ...(band !== undefined ? { band } : {}),
        label,
        hint: limitText(leaf),
        width: clamp(Math.ceil(displayWidth(label) / 2) + 2, 11, 18),
        leaf,
      });
    }
  }
  columns.push(
    { field: { kind: 'total' }, label: '合计', hint: '', width: 9 },
    { field: { kind: 'conflict' }, label: '回避', hint: '是/空', width: 7 },
    { field: { kind: 'conflictReason' }, label: '回避理由', hint: '回避时必填', width: 22 },
  );
  const percent = rubric.criterionCommentBelowPercent;
  if (percent !== undefined) {
    for (const criterion of allCriteria(rubric)) {
      columns.push({
        field: { kind: 'criterionComment', id: criterion.id },
        band: { key: 'criterionComments', label: `扣分理由（得分低于该项满分${String(percent)}%时必填）` },
        label: criterion.label,
        hint: `低于${commentThreshold(criterion, percent)}分时必填`,
        width: 24,
        criterion,
      });
    }
  }
  columns.push({
    field: { kind: 'comment' },
    label: '总体评审意见',
    hint: rubric.commentRequired === true ? '必填' : '选填',
    width: 40,
  });
  return columns;
}

/** `1` → `A`, `27` → `AA`. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

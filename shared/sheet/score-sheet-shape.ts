// A quick test that a value has the shape `scoreSheetSchema` accepts. A merge checks tens of
// thousands of sheets, nearly all well formed; zod builds a parsed copy of each. This test builds
// nothing and is stricter than the schema (plain objects only, string keys only), so when it says
// yes zod would too; when it says no, zod runs and reports the problems as before. An own
// "__proto__" key (JSON.parse makes one) is left to zod too: zod leaves it out of its output, and
// a sheet kept as read must be exactly what zod would have given.
type Fields = Record<PropertyKey, unknown>;

function isPlainRecord(value: unknown): value is Fields {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** A plain object whose own keys are all strings and whose values all pass `test`. */
function isRecordOf(value: unknown, test: (item: unknown) => boolean): boolean {
  if (!isPlainRecord(value)) return false;
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key !== 'string' || key === '__proto__' || !test(value[key])) return false;
  }
  return true;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function isScoreSheetShape(sheet: unknown): boolean {
  if (!isPlainRecord(sheet) || Object.hasOwn(sheet, '__proto__')) return false;
  return (
    isString(sheet.applicantId) &&
    sheet.applicantId.length > 0 &&
    isBoolean(sheet.conflict) &&
    isString(sheet.conflictReason) &&
    isRecordOf(sheet.checks, isBoolean) &&
    isRecordOf(sheet.scores, isFiniteNumber) &&
    isFiniteNumber(sheet.total) &&
    isRecordOf(sheet.criterionComments, isString) &&
    isString(sheet.comment)
  );
}

// Fuzzing sheet import: the sheet-file validator (validateSheetFile) with arbitrary values and
// mutated sheet files, and the score-workbook reader (readFilledScoreWorkbook) with mutated XLSX
// files — cells of every type written into the package's XML (any sheet, any row up to 1,048,576,
// any column), rows deleted, duplicated and renumbered, sheets renamed, parts dropped, XML bytes
// corrupted, and the .xlsx bytes themselves corrupted.
//
// Property: validateSheetFile returns a Result (ok with a value that keeps the rules, or problems
// with paths and messages), never throws, under 2 s a case (synchronous). readFilledScoreWorkbook
// resolves with drafts and cell problems — never a rejection — within 20 s a case, leaves no
// unhandled rejection, and every draft it returns is for an applicant assigned to the expert and
// fits what the app stores (sheetDraftSchema).
//
// Counts: validateSheetFile 5,000 arbitrary values + 5,000 mutated files = 10,000 cases (0.4–1 ms
// each). readFilledScoreWorkbook: 2,500 cases — exceljs parses each (a real workbook) in ~7 ms on an
// idle 2-core machine and ~25 ms with the other fuzz files running beside it, so 10,000 would add
// one to four minutes to CI; 2,500 keep this part at 20–60 s. FUZZ_SCALE=4 runs 10,000 (done while
// writing this: 10,000 cases passed in 70 s on their own).
import fc from 'fast-check';
import yauzl from 'yauzl';
import yazl from 'yazl';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { blankScoreWorkbookBytes, readFilledScoreWorkbook, type FilledScoreWorkbook } from '../../electron/core/spreadsheet';
import { formatProblem, type Result } from '../../shared/problem';
import { assignedApplicants } from '../../shared/round/lookup';
import type { RoundDefinition } from '../../shared/round/schema';
import { validateRound } from '../../shared/round/validate';
import { sheetDraftSchema } from '../../shared/sheet/draft';
import type { SheetFile } from '../../shared/sheet/schema';
import { validateSheetFile } from '../../shared/sheet/sheet-file';
import { sampleRound } from '../unit/shared/round-fixture';
import { columnOf, draft, INTEGRITY, sheetOf, testRound } from '../unit/spreadsheet/fixture';
import { byteMutations, check, FUZZ_TEST_TIMEOUT_MS, fuzzParameters, hostileJsonValue, jsonMutation, mutateBytes, mutateJson, watchUnhandled, withTimeout } from '../helpers/fuzz';

const SLOW_MS = 2_000;
const WORKBOOK_TIMEOUT_MS = 20_000;
const unhandled = watchUnhandled();

// ---- validateSheetFile ----

function sheetRound(): RoundDefinition {
  const result = validateRound(sampleRound());
  if (!result.ok) throw new Error('the round fixture is invalid');
  return result.value;
}

const validSheetFile = {
  sheets: [
    { applicantId: 'A001', checks: { k1: true, k2: true }, scores: { c1: 20.5, c2a: 8, c2b: 12, c3: 42.5 }, comment: '规范' },
    { applicantId: 'A002', conflict: true, conflictReason: '曾任顾问' },
    { applicantId: 'P001', scores: { n1: 30, n2: 45 }, total: 75 },
  ],
};

type SheetOptions = Parameters<typeof validateSheetFile>[2];

function runSheetFile(round: RoundDefinition, input: unknown, options: SheetOptions): Result<SheetFile> {
  const started = performance.now();
  let result: Result<SheetFile>;
  try {
    result = validateSheetFile(round, input, options);
  } catch (error) {
    throw new Error(`validateSheetFile threw instead of returning problems: ${(error as Error)?.stack ?? String(error)}`);
  }
  const took = performance.now() - started;
  check(took < SLOW_MS, () => `one validation took ${Math.round(took)} ms`);
  if (!result.ok) {
    check(result.problems.length > 0, 'refused without problems');
    for (const problem of result.problems) {
      check(typeof problem.path === 'string' && typeof problem.message === 'string' && problem.message !== '', () => `bad problem ${JSON.stringify(problem)}`);
      formatProblem(problem);
    }
    return result;
  }
  // An accepted file keeps the rules: one sheet per known applicant, assigned, complete when final.
  const seen = new Set<string>();
  const assigned = options?.expertId === undefined ? undefined : new Set(assignedApplicants(round, options.expertId).map((applicant) => applicant.id));
  for (const sheet of result.value.sheets) {
    check(!seen.has(sheet.applicantId), `two sheets for ${sheet.applicantId}`);
    seen.add(sheet.applicantId);
    check(round.applicants.some((applicant) => applicant.id === sheet.applicantId), `unknown applicant ${sheet.applicantId} accepted`);
    if (assigned !== undefined) check(assigned.has(sheet.applicantId), `unassigned applicant ${sheet.applicantId} accepted`);
  }
  if (options?.final === true && assigned !== undefined) for (const id of assigned) check(seen.has(id), `final file without ${id} accepted`);
  return result;
}

const sheetOptions: fc.Arbitrary<SheetOptions> = fc.record(
  { expertId: fc.constantFrom('E01', 'E02', 'E03', 'E99', ''), final: fc.boolean(), form: fc.constantFrom('input' as const, 'payload' as const) },
  { requiredKeys: [] },
);

describe('validateSheetFile under fuzzing', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  const round = sheetRound();

  it('the valid file is accepted (the oracle works)', () => {
    expect(runSheetFile(round, validSheetFile, { expertId: 'E02' }).ok).toBe(true);
  });

  it('any JavaScript value, alone or as sheets: a Result, never an exception', () => {
    const anything = fc.anything({ maxDepth: 3, withBoxedValues: true, withNullPrototype: true, withSparseArray: true, withMap: true, withDate: true, withBigInt: true, withObjectString: true });
    const input = fc.oneof(anything, anything.map((value) => ({ sheets: value })), fc.array(anything, { maxLength: 4 }).map((sheets) => ({ sheets })));
    fc.assert(fc.property(input, sheetOptions, (value, options) => void runSheetFile(round, value, options)), fuzzParameters(5_000));
    unhandled.check();
  });

  it('mutated sheet files (scores, checks, conflicts, totals, ids): a Result that is right when ok', () => {
    const score = fc.oneof(hostileJsonValue, fc.double({ min: -1, max: 60 }), fc.constantFrom(0, 0.5, 20.5, 25, 25.5, 50, 2.5, 1e-7, 0.1 + 0.2));
    const targeted = fc.record({ sheet: fc.nat(), field: fc.constantFrom('c1', 'c2a', 'c2b', 'c3', 'n1', 'n2', 'c2', 'k1', 'k2', 'total', 'conflict', 'conflictReason', 'comment', 'applicantId'), value: score });
    const input = fc.oneof(
      { weight: 3, arbitrary: fc.array(jsonMutation(), { minLength: 1, maxLength: 4 }).map((mutations) => mutateJson(validSheetFile, mutations)) },
      {
        weight: 3,
        arbitrary: fc.array(targeted, { minLength: 1, maxLength: 4 }).map((changes) => {
          const file = structuredClone(validSheetFile) as { sheets: Record<string, unknown>[] };
          for (const { sheet, field, value } of changes) {
            const target = file.sheets[sheet % file.sheets.length]!;
            if (/^[cn]\d/.test(field)) target.scores = { ...(target.scores as object), [field]: value };
            else if (/^k\d/.test(field)) target.checks = { ...(target.checks as object), [field]: value };
            else target[field] = value;
          }
          return file;
        }),
      },
    );
    let accepted = 0;
    fc.assert(
      fc.property(input, sheetOptions, (value, options) => {
        if (runSheetFile(round, value, options).ok) accepted += 1;
      }),
      fuzzParameters(5_000),
    );
    unhandled.check();
    expect(accepted).toBeGreaterThan(0);
  });
});

// ---- readFilledScoreWorkbook ----

const workbookRound = testRound();
let blankParts: Map<string, Buffer>;
let blankBytes: Uint8Array;

async function unzipParts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(Buffer.from(bytes), { lazyEntries: true });
  const parts = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName.endsWith('/')) continue;
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    parts.set(entry.fileName, Buffer.concat(chunks));
  }
  zip.close();
  return parts;
}

function zipParts(parts: Map<string, Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of parts) zip.addBuffer(data, name, { compress: false, mtime: new Date(0) });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

beforeAll(async () => {
  const drafts = new Map([
    ['A001', draft({ checks: { k1: true, k2: false }, scores: { c1: '24.5', c2a: '9', c2b: '15', c3: '20' }, criterionComments: { c3: '未提供' }, comment: '材料齐全' })],
    ['A002', draft({ conflict: true, conflictReason: '曾任顾问' })],
    ['P001', draft({ scores: { n1: '30' } })],
  ]);
  ({ bytes: blankBytes } = await blankScoreWorkbookBytes({ round: workbookRound, expertId: 'E01', expertName: '张三', drafts }));
  blankParts = await unzipParts(blankBytes);
});

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const cellText = fc.oneof(
  fc.constantFrom(
    '是', '否', '回避', '√', '×', 'Y', 'N', 'TRUE', '', ' ', '24.5', ' 24.5 ', '２４．５', '25.0000001', '-1', '1e2', '0x10', '１０', '9'.repeat(45),
    'rd:applicant', 'rd:score:c1', 'rd:score:c2', 'rd:score:nope', 'rd:check:k1', 'rd:check:zz', 'rd:comment', 'rd:conflict', 'rd:conflictReason', 'rd:criterionComment:c3', 'rd:total',
    'A001', 'A002', 'A003', 'B001', 'P001', 'P003', 'X999', ' a001 ', 'Ａ００１', 'meta', 'sheet', 'format', 'reviewdesk.score-workbook/1', 'roundId', 'expertId', 'E01', 'E02',
    'nmgaf-2025-awards', 'x'.repeat(60_000), '\u0000', '=SUM(A1)', '<b>',
  ),
  fc.string({ maxLength: 12 }),
);

const cellXml = fc.oneof(
  cellText.map((text) => `t="inlineStr"><is><t>${escapeXml(text)}</t></is>`),
  fc.constantFrom('0', '24.5', '-0', '1e308', '1E+2', '25.000000000000004', 'NaN', 'Infinity', '', '4.9e-324', '12345678901234567890').map((v) => `><v>${v}</v>`),
  fc.integer({ min: -2, max: 200 }).map((index) => `t="s"><v>${index}</v>`),
  fc.constantFrom('0', '1', '2', 'x').map((v) => `t="b"><v>${v}</v>`),
  fc.constantFrom('#DIV/0!', '#N/A', '#REF!', 'oops').map((v) => `t="e"><v>${v}</v>`),
  fc.tuple(fc.constantFrom('SUM(D5:F5)', 'A1', '1/0', '"是"', ''), fc.option(fc.constantFrom('24.5', '是', ''), { nil: undefined })).map(([formula, cached]) => `><f>${escapeXml(formula)}</f>${cached === undefined ? '' : `<v>${cached}</v>`}`),
  fc.constantFrom('2025-01-01T00:00:00Z', 'not a date').map((v) => `t="d"><v>${v}</v>`),
  cellText.map((text) => `t="str"><v>${escapeXml(text)}</v>`),
);

const SHEETS = ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml', 'xl/worksheets/sheet5.xml'];
const row = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: fc.constantFrom(30, 31, 1_048_576, 100_000) });
const column = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 18 }) }, { weight: 1, arbitrary: fc.constantFrom(16_384, 200) });

const workbookOp = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('cell' as const), sheet: fc.constantFrom(...SHEETS), row, column, xml: cellXml }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-row' as const), sheet: fc.constantFrom(...SHEETS), row }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate-row' as const), sheet: fc.constantFrom(...SHEETS), row }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('renumber-row' as const), sheet: fc.constantFrom(...SHEETS), row, to: row }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename-sheet' as const), index: fc.nat({ max: 4 }), name: fc.constantFrom('meta', '说明', 'Sheet1', '', '优秀创新产品', 'x'.repeat(31), '安防高质量发展诚信企业') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('shared-string' as const), index: fc.nat({ max: 150 }), text: cellText }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop-part' as const), part: fc.constantFrom(...SHEETS, 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', '[Content_Types].xml', 'xl/_rels/workbook.xml.rels') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('corrupt-part' as const), part: fc.constantFrom(...SHEETS, 'xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/styles.xml'), mutations: byteMutations([], 3) }) },
);
type WorkbookOp = typeof workbookOp extends fc.Arbitrary<infer T> ? T : never;

function setCell(xml: string, rowNumber: number, columnNumber: number, cell: string): string {
  const ref = `${columnName(columnNumber)}${rowNumber}`;
  // `cell` is the rest of the element after its reference: ` t="s"><v>3</v>` or `><v>24.5</v>`.
  const element = `<c r="${ref}"${cell.startsWith('>') ? cell : ` ${cell}`}</c>`;
  const existing = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`);
  if (existing.test(xml)) return xml.replace(existing, element);
  const rowElement = new RegExp(`(<row r="${rowNumber}"[^>]*?)(?:/>|>(.*?)</row>)`);
  if (rowElement.test(xml)) return xml.replace(rowElement, (_all, open: string, inner: string | undefined) => `${open}>${inner ?? ''}${element}</row>`);
  return xml.replace('</sheetData>', `<row r="${rowNumber}">${element}</row></sheetData>`).replace('<sheetData/>', `<sheetData><row r="${rowNumber}">${element}</row></sheetData>`);
}

function applyOp(parts: Map<string, Buffer>, op: WorkbookOp): void {
  const text = (name: string) => parts.get(name)?.toString('utf8');
  const put = (name: string, value: string) => parts.set(name, Buffer.from(value, 'utf8'));
  switch (op.kind) {
    case 'cell': {
      const xml = text(op.sheet);
      if (xml !== undefined) put(op.sheet, setCell(xml, op.row, op.column, op.xml));
      break;
    }
    case 'delete-row': {
      const xml = text(op.sheet);
      if (xml !== undefined) put(op.sheet, xml.replace(new RegExp(`<row r="${op.row}"[^>]*?(?:/>|>.*?</row>)`), ''));
      break;
    }
    case 'duplicate-row': {
      const xml = text(op.sheet);
      if (xml !== undefined) put(op.sheet, xml.replace(new RegExp(`<row r="${op.row}"[^>]*?(?:/>|>.*?</row>)`), (found) => found + found));
      break;
    }
    case 'renumber-row': {
      const xml = text(op.sheet);
      if (xml !== undefined) {
        put(op.sheet, xml.replace(new RegExp(`<row r="${op.row}"([^>]*?)(/>|>.*?</row>)`), (_all, attributes: string, body: string) => `<row r="${op.to}"${attributes}${body.replace(new RegExp(`(<c r="[A-Z]+)${op.row}"`, 'g'), `$1${op.to}"`)}`));
      }
      break;
    }
    case 'rename-sheet': {
      const xml = text('xl/workbook.xml');
      if (xml !== undefined) {
        let index = 0;
        put('xl/workbook.xml', xml.replace(/<sheet ([^>]*?)name="[^"]*"/g, (found, before: string) => (index++ === op.index ? `<sheet ${before}name="${escapeXml(op.name)}"` : found)));
      }
      break;
    }
    case 'shared-string': {
      const xml = text('xl/sharedStrings.xml');
      if (xml !== undefined) {
        let index = 0;
        put('xl/sharedStrings.xml', xml.replace(/<si>.*?<\/si>/g, (found) => (index++ === op.index ? `<si><t>${escapeXml(op.text)}</t></si>` : found)));
      }
      break;
    }
    case 'drop-part':
      parts.delete(op.part);
      break;
    case 'corrupt-part': {
      const bytes = parts.get(op.part);
      if (bytes !== undefined) parts.set(op.part, mutateBytes(bytes, op.mutations));
      break;
    }
  }
}

async function readWorkbook(bytes: Uint8Array, expertId = 'E01'): Promise<FilledScoreWorkbook> {
  const result = await withTimeout(readFilledScoreWorkbook(bytes, { round: workbookRound, expertId }), WORKBOOK_TIMEOUT_MS, 'readFilledScoreWorkbook');
  check(result.drafts instanceof Map && Array.isArray(result.problems), 'not a FilledScoreWorkbook');
  const assigned = new Set(assignedApplicants(workbookRound, expertId).map((applicant) => applicant.id));
  for (const problem of result.problems) {
    check(typeof problem.message === 'string' && problem.message !== '', () => `problem without a message: ${JSON.stringify(problem)}`);
    check(problem.severity === 'error' || problem.severity === 'incomplete', () => `bad severity: ${JSON.stringify(problem)}`);
    check(typeof problem.sheet === 'string' && Number.isInteger(problem.row) && problem.row >= 0, () => `bad place: ${JSON.stringify(problem)}`);
  }
  for (const [applicantId, value] of result.drafts) {
    check(assigned.has(applicantId), `a draft for ${applicantId}, not assigned to ${expertId}`);
    const parsed = sheetDraftSchema.safeParse(value);
    check(parsed.success, () => `the draft for ${applicantId} is not storable: ${JSON.stringify(parsed.error?.issues.slice(0, 3))}`);
  }
  return result;
}

describe('readFilledScoreWorkbook under fuzzing', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  it('the prefilled workbook reads back (the oracle works)', async () => {
    const result = await readWorkbook(await zipParts(blankParts));
    expect([...result.drafts.keys()].sort()).toEqual(['A001', 'A002', 'P001']);
  });

  // Found by this fuzzer: every row up to the sheet's last was built with getRow, so one value in
  // row 1,048,576 made the reader create a million rows (16 s at row 100,000; out of memory at the
  // last row), killing the host process.
  it('a value in the last row of a sheet is read without building every row before it', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(blankBytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = sheetOf(workbook, INTEGRITY);
    sheet.getCell(1_048_576, columnOf(sheet, 'rd:applicant')).value = 'A003';
    sheet.getCell(1_048_576, columnOf(sheet, 'rd:score:c1')).value = 99;
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const started = performance.now();
    const result = await readWorkbook(bytes);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.drafts.has('A003')).toBe(true);
    expect(result.problems.some((problem) => problem.row === 1_048_576)).toBe(true);
  });

  it('mutated workbooks (cells of every type anywhere, rows, sheet names, parts, XML and ZIP bytes): drafts and problems, never a crash', async () => {
    const input = fc.oneof(
      { weight: 6, arbitrary: fc.array(workbookOp, { minLength: 1, maxLength: 6 }).map((ops) => ({ ops, bytes: undefined })) },
      { weight: 1, arbitrary: byteMutations([], 4).map((mutations) => ({ ops: [] as WorkbookOp[], bytes: mutations })) },
    );
    await fc.assert(
      fc.asyncProperty(input, fc.constantFrom('E01', 'E01', 'E02'), async ({ ops, bytes }, expertId) => {
        let file: Uint8Array;
        if (bytes !== undefined) file = mutateBytes(blankBytes, bytes);
        else {
          const parts = new Map(blankParts);
          for (const op of ops) applyOp(parts, op);
          file = await zipParts(parts);
        }
        await readWorkbook(file, expertId);
      }),
      fuzzParameters(2_500),
    );
    unhandled.check();
  });
});

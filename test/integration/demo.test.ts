// The sample round (resources/sample-round, made by scripts/generate-sample-round.mjs) and
// `reviewdesk demo --out DIR` through the built CLI: keys, pack, import per expert, signed score
// files with the scenario's events, merge, and the outputs a user would open.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateRound } from '../../shared/round/validate';
import type { RoundDefinition } from '../../shared/round/schema';
import type { MergeResults } from '../../electron/core/merge/run-merge';
import { tempDir } from '../helpers/fixtures';
import { ROOT, runNode, type ChildResult } from '../helpers/run-ts';

const SAMPLE = path.join(ROOT, 'resources/sample-round');
const BIN = path.join(ROOT, 'bin/reviewdesk.mjs');
const round = JSON.parse(readFileSync(path.join(SAMPLE, 'round.json'), 'utf8')) as RoundDefinition;
const template = JSON.parse(readFileSync(path.join(ROOT, 'resources/templates/association-awards-2025.json'), 'utf8')) as RoundDefinition;

const pdfPages = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
const pageText = (file: string, page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
const compact = (text: string) => text.replace(/\s+/g, '');

describe('the sample round', () => {
  it('is a valid round: 12 applicants in 3 categories of the 2025 awards template, 5 experts', () => {
    const validated = validateRound(round);
    expect(validated.ok ? [] : validated.problems).toEqual([]);
    expect(round.applicants).toHaveLength(12);
    expect(round.categories.map((category) => category.id)).toEqual(['integrity', 'quality-contractor', 'service']);
    for (const rubric of round.rubrics) {
      const original = template.rubrics.find((candidate) => candidate.id === rubric.id)!;
      expect(rubric.criteria).toEqual(original.criteria);
      expect(rubric.checks).toEqual(original.checks);
      expect(rubric.checks!.some((check) => check.veto)).toBe(true);
    }
    expect(round.experts).toHaveLength(5);
    const categoryIds = new Set(round.categories.map((category) => category.id));
    expect(round.experts.filter((expert) => expert.assigned.every((id) => categoryIds.has(id))).length).toBeGreaterThan(0);
    expect(round.experts.filter((expert) => expert.assigned.every((id) => !categoryIds.has(id))).length).toBeGreaterThan(0);
  });

  it('documents have 3–8 pages, every section points at a page that exists and carries its heading, < 3 MB in all', () => {
    let bytes = 0;
    for (const applicant of round.applicants) {
      for (const document of applicant.documents) {
        const file = path.join(SAMPLE, document.path);
        bytes += statSync(file).size;
        const pages = pdfPages(file);
        expect(pages, document.path).toBeGreaterThanOrEqual(3);
        expect(pages, document.path).toBeLessThanOrEqual(8);
        expect(document.sections!.length).toBeGreaterThan(0);
        for (const section of document.sections!) {
          expect(section.page, `${document.path} ${section.title}`).toBeLessThanOrEqual(pages);
          const text = compact(pageText(file, section.page));
          if (section.title === '封面') expect(text).toContain('申报材料');
          else if (text !== '') expect(text, `${document.path} page ${section.page}`).toContain(compact(section.title));
        }
        // The running header carries the award name on the pages after the cover.
        const award = round.categories.find((category) => category.id === applicant.category)!.title;
        expect(compact(pageText(file, 2))).toContain(award);
      }
    }
    expect(bytes).toBeLessThan(3 * 1024 * 1024);
  });

  it('every check of every rubric names a section of some application, so the app links it to its page', () => {
    for (const category of round.categories) {
      const rubric = round.rubrics.find((candidate) => candidate.id === category.rubric)!;
      const titles = round.applicants
        .filter((applicant) => applicant.category === category.id)
        .flatMap((applicant) => applicant.documents.flatMap((document) => document.sections!.map((section) => section.title)));
      for (const check of rubric.checks!) expect(titles.some((title) => check.label.includes(title)), `${category.id} ${check.id} ${check.label}`).toBe(true);
    }
  });

  it('has exactly one scanned page: an image and no text', () => {
    const scanned: string[] = [];
    for (const applicant of round.applicants) {
      for (const document of applicant.documents) {
        const file = path.join(SAMPLE, document.path);
        for (let page = 1; page <= pdfPages(file); page++) {
          if (compact(pageText(file, page)) === '') scanned.push(`${document.path}#${page}`);
        }
      }
    }
    expect(scanned).toEqual(['B002/申报材料.pdf#4']);
    const b002 = round.applicants.find((applicant) => applicant.id === 'B002')!.documents[0]!;
    expect(b002.sections!.find((section) => section.title === '营业执照')!.page).toBe(4);
    const images = execFileSync('pdfimages', ['-list', '-f', '4', '-l', '4', path.join(SAMPLE, b002.path)], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toHaveLength(1);
    const [, , type, width, height, , , , enc] = images[0]!.trim().split(/\s+/);
    expect(type).toBe('image');
    expect(Number(width)).toBeGreaterThan(800);
    expect(Number(height)).toBeGreaterThan(1100);
    expect(enc).toBe('jpeg');
  });
});

describe('reviewdesk demo --out DIR', () => {
  const work = tempDir();
  const out = path.join(work, 'demo');
  let result: ChildResult;
  let results: MergeResults;
  let elapsed: number;
  const categoryOf = (id: string) => results.categories.find((category) => category.id === id)!;
  const ranked = (id: string) => results.categories.flatMap((category) => category.ranking).find((applicant) => applicant.applicantId === id)!;

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-node.mjs')]);
    const started = Date.now();
    result = await runNode(BIN, ['demo', '--out', out], { env: { REVIEWDESK_PASSPHRASE: '' }, cwd: work });
    elapsed = Date.now() - started;
    if (result.code === 0) results = JSON.parse(readFileSync(path.join(out, 'results/results.json'), 'utf8')) as MergeResults;
  }, 120_000);

  it('exits 0 within a minute, saying which passphrase the keys have and how long it took', () => {
    expect(result.stderr).toContain('demo passphrase');
    expect(result.code).toBe(0);
    expect(elapsed).toBeLessThan(60_000);
    expect(result.stdout).toMatch(/done in \d+\.\d s/);
  });

  it('prints the ranked table of each category', () => {
    for (const category of results.categories) {
      expect(result.stdout).toContain(category.title);
      const lines = category.ranking.map((applicant) => result.stdout.indexOf(`${applicant.applicantId.padEnd(8)}`));
      expect(lines.every((at) => at > 0)).toBe(true);
      expect([...lines].sort((a, b) => a - b)).toEqual(lines);
    }
  });

  it('writes the keys (scrypt N = 2^17), the bundle, each expert workstation, the score files and the outputs', () => {
    const key = JSON.parse(readFileSync(path.join(out, 'secretariat.key'), 'utf8'));
    expect(key.kdf).toMatchObject({ name: 'scrypt', N: 131072 });
    expect(existsSync(path.join(out, 'nmgaf-2025-awards-sample.rdbundle'))).toBe(true);
    for (const expert of round.experts) {
      expect(existsSync(path.join(out, 'experts', expert.id, `${expert.id}.key`))).toBe(true);
      expect(existsSync(path.join(out, 'experts', expert.id, 'data', 'reviewdesk.sqlite'))).toBe(true);
      expect(existsSync(path.join(out, 'experts', expert.id, `nmgaf-2025-awards-sample-${expert.id}-r1.rdscore`))).toBe(true);
    }
    const packed = JSON.parse(readFileSync(path.join(out, 'round', 'round.json'), 'utf8')) as RoundDefinition;
    expect(packed.experts.every((expert) => typeof expert.publicKey === 'string')).toBe(true);
    for (const file of ['results.json', 'summary.xlsx', 'conclusion.html', 'conclusion.pdf']) expect(existsSync(path.join(out, 'results', file)), file).toBe(true);
  });

  it('results.json: the conflict, the discrepancy, the failed veto, the superseded revision and awards in every category', () => {
    expect(ranked('A002').conflicts).toEqual(['E02']);
    expect(ranked('A002').validSheets).toBe(3);
    const discrepancies = results.categories.flatMap((category) => category.ranking).filter((applicant) => applicant.flags.some((flag) => flag.flag === 'discrepancy'));
    expect(discrepancies.map((applicant) => applicant.applicantId)).toEqual(['B003']);
    expect(ranked('A004').flags).toContainEqual({ flag: 'ineligible' });
    expect(ranked('A004').rank).toBeNull();
    expect(ranked('B004').flags.some((flag) => flag.flag === 'ineligible')).toBe(false); // one expert's failed veto is not a majority
    const e01 = results.files.filter((file) => file.expertId === 'E01').map((file) => [file.revision, file.status]);
    expect(e01).toEqual([[1, 'superseded'], [2, 'used']]);
    expect(results.files.filter((file) => file.status === 'used')).toHaveLength(5);
    for (const category of results.categories) {
      expect(category.ranking.filter((applicant) => applicant.award !== null).length, category.id).toBeGreaterThan(0);
      expect(category.ranking[0]!.rank).toBe(1);
    }
    expect(categoryOf('quality-contractor').ranking.map((applicant) => applicant.applicantId)).toEqual(['B001', 'B002', 'B003', 'B004']);
  });

  it('the harsh expert scores about 15 % below the others', () => {
    const totals = results.categories.flatMap((category) => category.ranking.flatMap((applicant) => applicant.totals));
    const mean = (list: number[]) => list.reduce((sum, value) => sum + value, 0) / list.length;
    const e03 = mean(totals.filter((total) => total.expertId === 'E03').map((total) => total.total));
    const others = mean(totals.filter((total) => total.expertId !== 'E03' && total.expertId !== 'E05').map((total) => total.total));
    expect(e03 / others).toBeGreaterThan(0.8);
    expect(e03 / others).toBeLessThan(0.9);
  });

  it('conclusion.pdf: more than 3 pages, every applicant named, in ranking order', () => {
    const pdf = path.join(out, 'results/conclusion.pdf');
    expect(pdfPages(pdf)).toBeGreaterThan(3);
    const text = compact(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    for (const applicant of round.applicants) expect(text, applicant.name).toContain(applicant.name);
    // Row order from the layout text (a long name may wrap inside its cell, so rows are found by
    // the start of the name, which is unique in the sample round).
    const layout = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const resultsPart = layout.slice(layout.indexOf('二、评审结果'));
    for (const category of results.categories) {
      const from = resultsPart.indexOf(category.title);
      expect(from, category.title).toBeGreaterThanOrEqual(0);
      const positions = category.ranking.map((applicant) => resultsPart.indexOf(`${applicant.applicantId} ${applicant.name.slice(0, 8)}`, from));
      expect(positions.every((at) => at > from), category.id).toBe(true);
      expect([...positions].sort((a, b) => a - b), category.id).toEqual(positions);
    }
  });

  it('summary.xlsx opens with exceljs and names every applicant', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, 'results/summary.xlsx'));
    expect(workbook.worksheets.length).toBeGreaterThan(0);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
    for (const applicant of round.applicants) expect(cells.some((cell) => cell.includes(applicant.name)), applicant.name).toBe(true);
  });

  it('refuses a folder that is not empty and not an earlier demo output', async () => {
    const foreign = path.join(work, 'foreign');
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, 'mine.txt'), 'keep me');
    const refused = await runNode(BIN, ['demo', '--out', foreign], { env: { REVIEWDESK_PASSPHRASE: '' }, cwd: work });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not empty/);
    expect(readFileSync(path.join(foreign, 'mine.txt'), 'utf8')).toBe('keep me');
  });
});

// What the round builder reports: every problem at once, each pointing at what the secretariat
// has to fix — a row and column of a list, a file of an applicant folder, a field of the round
// (JSON path). Messages are Chinese (the secretariat's language); `code` is stable for the UI.
import type { Problem } from '../../../shared/problem';
import { Rejection } from '../rejection';

export interface BuildProblem extends Problem {
  /** JSON path in the round definition ('' when the problem is not about a field of it). */
  path: string;
  /** The applicant or expert (or other object) the problem belongs to, when known. */
  id?: string;
  /** Stable short code: `unknown-category`, `not-pdf`, `duplicate-id`, `fingerprint-mismatch`, … */
  code: string;
  /** The file the problem is in, when it is not the file the whole operation names. */
  file?: string;
  /** List imports: the spreadsheet row (1-based, as Excel numbers it; the header is usually 1). */
  row?: number;
  /** List imports: the column as its header reads (`类别`). */
  column?: string;
  /** List imports: the column letter (`C`). */
  columnLetter?: string;
  /** The field of the applicant or expert: `id`, `name`, `category`, `facts.staff`, `documents`, `publicKey`, `assigned`. */
  field?: string;
  message: string;
}

/** `第 3 行，"类别" 列：未知的类别 "xx"`, `A001 某某/说明.docx：不是 PDF 文件`, `applicants[2].category (A003)：…`. */
export function formatBuildProblem(problem: BuildProblem): string {
  if (problem.row !== undefined && problem.column !== undefined) return `第 ${problem.row} 行，"${problem.column}" 列：${problem.message}`;
  if (problem.row !== undefined) return `第 ${problem.row} 行：${problem.message}`;
  if (problem.column !== undefined) return `"${problem.column}" 列：${problem.message}`;
  if (problem.file !== undefined) return `${problem.file}：${problem.message}`;
  if (problem.path !== '') return `${problem.path}${problem.id !== undefined ? ` (${problem.id})` : ''}：${problem.message}`;
  return problem.message;
}

/** The problem with its one-line text, as the API and the UI show it. */
export function buildProblemView(problem: BuildProblem): BuildProblem & { text: string } {
  return { ...problem, text: formatBuildProblem(problem) };
}

/**
 * A refused build step: the file (list, folder, round folder) and every problem. A Rejection, so
 * the CLI exits 1 and prints it like any other refused input; the problems keep their rows and fields.
 */
export class RoundBuildError extends Rejection {
  declare readonly problems: BuildProblem[];
  /** Worth a look but not refused (`round check`). */
  readonly warnings: BuildProblem[];

  constructor(file: string, detail: string, problems: BuildProblem[], options: { code?: string; warnings?: BuildProblem[] } = {}) {
    super(file, detail, { code: options.code ?? problems[0]?.code ?? 'rejected' });
    Object.defineProperty(this, 'problems', { value: problems, enumerable: true });
    this.warnings = options.warnings ?? [];
    this.name = 'RoundBuildError';
    this.message = [
      [file, detail].filter((part) => part !== '').join(': '),
      ...problems.map((problem) => `  ${formatBuildProblem(problem)}`),
      ...(this.warnings.length > 0 ? ['提醒：', ...this.warnings.map((warning) => `  ${formatBuildProblem(warning)}`)] : []),
    ].join('\n');
  }

  override toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      file: this.file,
      message: this.message,
      problems: this.problems.map(buildProblemView),
      ...(this.warnings.length > 0 ? { warnings: this.warnings.map(buildProblemView) } : {}),
    };
  }
}

/** Collects problems; `fail` throws them all as one RoundBuildError when there are any. */
export class ProblemList {
  readonly items: BuildProblem[] = [];

  add(problem: Omit<BuildProblem, 'path'> & { path?: string }): void {
    this.items.push({ path: '', ...problem });
  }

  get empty(): boolean {
    return this.items.length === 0;
  }

  throwIfAny(file: string, detail: string): void {
    if (this.items.length > 0) throw new RoundBuildError(file, detail, this.items);
  }
}

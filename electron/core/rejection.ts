// A refused input: which file, which entry or JSON path, and what is wrong.
// Every refusal of external data in core is one of these; the CLI maps it to exit code 1.
import { formatProblem, type Problem } from '../../shared/problem';

export interface RejectionDetails {
  /** ZIP entry or other part of the file, e.g. `files/A001/申报材料.pdf` or `manifest.json`. */
  entry?: string;
  /** Every problem found in a JSON document, when the refusal is a validation failure. */
  problems?: Problem[];
  /** A stable short code for machines (`bad-signature`, `hash-mismatch`, …). */
  code?: string;
}

export class Rejection extends Error {
  readonly file: string;
  readonly entry: string | undefined;
  readonly problems: Problem[];
  readonly code: string;
  readonly detail: string;

  constructor(file: string, detail: string, details: RejectionDetails = {}) {
    const head = [file, details.entry, detail].filter((part) => part !== undefined && part !== '').join(': ');
    const lines = (details.problems ?? []).map((problem) => `  ${formatProblem(problem)}`);
    super([head, ...lines].join('\n'));
    this.name = 'Rejection';
    this.file = file;
    this.entry = details.entry;
    this.problems = details.problems ?? [];
    this.code = details.code ?? 'rejected';
    this.detail = detail;
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      file: this.file,
      ...(this.entry !== undefined ? { entry: this.entry } : {}),
      message: this.message,
      ...(this.problems.length > 0 ? { problems: this.problems } : {}),
    };
  }
}

// A problem found in external data: where (JSON path), which object (its id), and what is wrong.
// Validators return every problem they find, never just the first.

export interface Problem {
  /** JSON path from the document root, e.g. `rubrics[0].criteria[1].children[0].step`. */
  path: string;
  /** The id of the nearest object on the path that has one, e.g. `c1`. */
  id?: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['rubrics', 0, 'criteria', 1, 'step']` → `rubrics[0].criteria[1].step`. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      if (identifier.test(key)) out += out === '' ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** `rubrics[0].criteria[0].step (c1): 0.7 does not divide 30` */
export function formatProblem(problem: Problem): string {
  const where = problem.path === '' ? '(root)' : problem.path;
  return `${where}${problem.id !== undefined ? ` (${problem.id})` : ''}: ${problem.message}`;
}

/** The `id` of the innermost object with a non-empty string id along `segments` inside `root`. */
export function nearestId(root: unknown, segments: readonly PropertyKey[]): string | undefined {
  let node: unknown = root;
  let found: string | undefined;
  const take = (value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const id = (value as Record<string, unknown>).id ?? (value as Record<string, unknown>).applicantId;
      if (typeof id === 'string' && id !== '') found = id;
    }
  };
  take(node);
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[segment as string];
    take(node);
  }
  return found;
}

// Building Problems from a path inside a document, and re-rooting them under a parent path.
import { jsonPath, nearestId, type Problem } from './problem';

/** A Problem at `segments` inside `root`, carrying the id of the nearest object that has one. */
export function problemAt(root: unknown, segments: readonly PropertyKey[], message: string): Problem {
  const id = nearestId(root, segments);
  const path = jsonPath(segments);
  return id === undefined ? { path, message } : { path, id, message };
}

/** `joinPath('sheets[3]', 'scores.c2a')` → `sheets[3].scores.c2a`; either side may be empty. */
export function joinPath(prefix: string, path: string): string {
  if (prefix === '') return path;
  if (path === '') return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

/** The same problems with `prefix` put in front of each path (ids unchanged). */
export function problemsUnder(prefix: string, problems: readonly Problem[]): Problem[] {
  return problems.map((problem) => ({ ...problem, path: joinPath(prefix, problem.path) }));
}

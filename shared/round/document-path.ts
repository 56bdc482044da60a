// Document paths in a round become ZIP entries `files/<path>` and files on every platform, so
// they follow the bundle's entry-name rules, and two paths clash when their entry keys do.
import { entryNameKey, entryNameProblem } from '../bundle/entry-name';

/** Everything wrong with `path` as a document path, as messages; empty when it is fine. */
export function documentPathProblems(path: string): string[] {
  if (path.endsWith('/')) return ['not a valid document path: it names a folder (trailing "/")'];
  const problem = entryNameProblem(path);
  return problem === null ? [] : [`not a valid document path: ${problem}`];
}

/** The form two paths are compared in: NFC, case-folded. Equal keys clash. */
export const documentPathKey = entryNameKey;

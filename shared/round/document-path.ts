// Document paths in a round: relative, '/'-separated, and unique ignoring case and Unicode
// normalisation (they become ZIP entries `files/<path>` and files on every platform).

// C0 controls, DEL and C1 controls
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;
const driveLetter = /^[A-Za-z]:/;

/** Everything wrong with `path` as a document path, as messages; empty when it is fine. */
export function documentPathProblems(path: string): string[] {
  const problems: string[] = [];
  if (path === '') return ['a document path must not be empty'];
  if (controlCharacter.test(path)) problems.push('a document path must not contain control characters');
  if (path.includes('\\')) problems.push('a document path uses "/" as separator, never a backslash');
  if (path.startsWith('/')) problems.push('a document path must be relative (no leading "/")');
  if (driveLetter.test(path)) problems.push('a document path must be relative (no drive letter)');
  const segments = path.split('/');
  const inner = path.startsWith('/') ? segments.slice(1) : segments;
  if (inner.some((segment) => segment === '')) problems.push('a document path must not have empty segments');
  if (segments.some((segment) => segment === '.' || segment === '..')) {
    problems.push('a document path must not have "." or ".." segments');
  }
  return problems;
}

/** The form two paths are compared in: NFC, case-folded. Equal keys clash. */
export function documentPathKey(path: string): string {
  return path.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

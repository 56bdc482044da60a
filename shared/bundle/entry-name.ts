// Names of entries inside a bundle ZIP and document paths inside a round (FORMATS §6 "Bundle").

/** Why `name` is not an acceptable relative path, or null when it is. Directory names end in `/`. */
export function entryNameProblem(name: string): string | null {
  if (name === '') return 'empty name';
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return 'control character in name';
  if (name.includes('\\')) return 'backslash in name (only "/" separates folders)';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'drive letter in name';
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  for (const segment of segments) {
    if (segment === '..') return 'parent-folder segment ".." in name';
    if (segment === '.') return 'current-folder segment "." in name';
    if (segment === '') return 'empty path segment in name';
  }
  return null;
}

/** Two names with the same key are duplicates: exact, case-folded or NFC-equal. */
export function entryNameKey(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/** The ZIP entry that carries the document at `documentPath`. */
export function documentEntryName(documentPath: string): string {
  return `files/${documentPath}`;
}

export const MANIFEST_ENTRY = 'manifest.json';

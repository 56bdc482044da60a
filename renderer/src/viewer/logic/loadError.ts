// Turns whatever pdf.js rejects a loading task with into a kind the UI can explain.
// pdf.js errors are identified by `name` (they cross the worker boundary as plain objects).

export type LoadErrorKind = 'password' | 'invalid' | 'missing' | 'network' | 'unknown';

export function classifyLoadError(error: unknown): LoadErrorKind {
  if (typeof error !== 'object' || error === null) return 'unknown';
  const { name, status, missing } = error as { name?: unknown; status?: unknown; missing?: unknown };
  switch (name) {
    case 'PasswordException':
      return 'password';
    case 'InvalidPDFException':
    case 'FormatError':
      return 'invalid';
    case 'ResponseException':
    case 'MissingPDFException':
    case 'UnexpectedResponseException':
      return missing === true || status === 404 ? 'missing' : 'network';
    default:
      return 'unknown';
  }
}

/** True for errors caused by our own cancellation (document changed or unmounted). */
export function isCancellation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  return name === 'AbortException' || name === 'RenderingCancelledException'
    || (typeof message === 'string' && /Loading aborted|Worker was destroyed|Worker was terminated/.test(message));
}

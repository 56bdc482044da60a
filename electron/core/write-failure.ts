// A write the workstation could not make — a full or read-only disk, a full database — said in
// words: what could not be written, and why. Not a Rejection: nothing is wrong with the input, and
// the same action succeeds once there is room again.

/** Why a write failed, for a person: the cause named first, the system's own words after. */
export function writeFailureReason(cause: unknown): string {
  const code = (cause as { code?: unknown } | null)?.code;
  const message = cause instanceof Error ? cause.message : String(cause);
  switch (code) {
    case 'ENOSPC':
      return `the disk is full (${message})`;
    case 'EDQUOT':
      return `the disk quota is used up (${message})`;
    case 'EROFS':
      return `the disk is read-only (${message})`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${message})`;
    case 'SQLITE_FULL':
      return `the disk or the database is full (${message})`;
    default:
      return message;
  }
}

export class WriteFailure extends Error {
  /** The system's code (`ENOSPC`, `SQLITE_FULL`, …) when there is one, else `write-failed`. */
  readonly code: string;

  constructor(what: string, cause: unknown) {
    super(`${what}: ${writeFailureReason(cause)}`, { cause });
    this.name = 'WriteFailure';
    const code = (cause as { code?: unknown } | null)?.code;
    this.code = typeof code === 'string' ? code : 'write-failed';
  }
}

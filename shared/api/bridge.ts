// What the Electron preload exposes as `window.reviewdesk` (typed here, implemented in
// electron/preload with `satisfies ReviewDeskBridge`, used by renderer/src/api/client.ts).
import type { ApiErrorBody, BundleSource, FileToSave } from './contract';

export type CallEnvelope = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

/** A .rdbundle or .rdscore the app was asked to open (file association, second instance). */
export interface OpenedFile {
  kind: 'bundle' | 'scores';
  path: string;
}

export interface ReviewDeskBridge {
  call(channel: string, request: unknown): Promise<CallEnvelope>;
  pickBundle(): Promise<BundleSource | null>;
  pathForFile(file: File): string;
  saveFile(file: FileToSave): Promise<boolean>;
  /** The system print dialog for an HTML report. */
  printFile(file: FileToSave): Promise<boolean>;
  /** A save dialog for a bundle the round builder packed; the main process copies the file. */
  saveBuiltBundle(draftId: string, bundleVersion: number): Promise<boolean>;
  onOpenFile(listener: (file: OpenedFile) => void): void;
}


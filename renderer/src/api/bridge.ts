// What the Electron preload exposes as `window.reviewdesk` (typed here, implemented in
// electron/preload with `satisfies ReviewDeskBridge`).
import type { ApiErrorBody, BundleSource } from '../../../shared/api/contract';

export type CallEnvelope = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

export interface ReviewDeskBridge {
  call(channel: string, request: unknown): Promise<CallEnvelope>;
  pickBundle(): Promise<BundleSource | null>;
  pathForFile(file: File): string;
}

declare global {
  interface Window {
    reviewdesk?: ReviewDeskBridge;
  }
}

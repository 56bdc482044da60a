// The security-relevant decisions of the Electron shell as pure functions (unit-tested without
// Electron): window options, which URLs the app serves, which senders may call the API.

export const APP_SCHEME = 'app';
export const RENDERER_HOST = 'renderer';
export const DOCUMENTS_HOST = 'documents';
export const RENDERER_ENTRY = `${APP_SCHEME}://${RENDERER_HOST}/index.html`;

/** webPreferences of every window: isolated, sandboxed, no Node, no remote content features. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  } as const;
}

export type AppUrl =
  | { kind: 'renderer'; relativePath: string }
  | { kind: 'document'; documentId: string }
  | { kind: 'refused'; reason: string };

/**
 * What an `app://` URL names. Renderer files by a clean relative path (no `..`, no encoded
 * separators); documents by their SHA-256 id only, never by a path taken from the URL.
 */
export function resolveAppUrl(raw: string): AppUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { kind: 'refused', reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:`) return { kind: 'refused', reason: `scheme ${url.protocol}` };
  if (url.username !== '' || url.password !== '' || url.port !== '') return { kind: 'refused', reason: 'credentials or port in URL' };
  if (/%2f|%5c|%00/i.test(url.pathname)) return { kind: 'refused', reason: 'encoded separator in path' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused', reason: 'malformed path' };
  }
  if (url.host === DOCUMENTS_HOST) {
    const id = pathname.replace(/^\//, '');
    return /^[0-9a-f]{64}$/.test(id) ? { kind: 'document', documentId: id } : { kind: 'refused', reason: 'not a document id' };
  }
  if (url.host !== RENDERER_HOST) return { kind: 'refused', reason: `unknown host ${url.host}` };
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.includes('\\') || segment.includes('\0'))) {
    return { kind: 'refused', reason: 'path escapes the renderer' };
  }
  return { kind: 'renderer', relativePath: segments.length === 0 ? 'index.html' : segments.join('/') };
}

/** Only the app's own renderer may call the API (not a document, not a navigated-away frame). */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  if (frameUrl === undefined || frameUrl === null) return false;
  const resolved = resolveAppUrl(frameUrl);
  return resolved.kind === 'renderer' && (resolved.relativePath === 'index.html');
}

/** Navigation away from the renderer is never allowed (links in PDFs included). */
export function isAllowedNavigation(targetUrl: string, currentUrl: string): boolean {
  try {
    const target = new URL(targetUrl);
    const current = new URL(currentUrl);
    return target.protocol === `${APP_SCHEME}:` && target.host === RENDERER_HOST && target.pathname === current.pathname && current.protocol === `${APP_SCHEME}:`;
  } catch {
    return false;
  }
}

/** Every permission request (camera, notifications, geolocation, …) is denied. */
export function permissionAllowed(_permission: string): boolean {
  return false;
}

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW: WindowState = { width: 1366, height: 768, maximized: false };

/** A remembered window state, clamped so the window is usable and at least partly on a display. */
export function restoreWindowState(saved: unknown, displays: { x: number; y: number; width: number; height: number }[]): WindowState {
  if (saved === null || typeof saved !== 'object') return DEFAULT_WINDOW;
  const state = saved as Partial<Record<keyof WindowState, unknown>>;
  const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : undefined);
  const width = Math.max(800, Math.min(num(state.width) ?? DEFAULT_WINDOW.width, 10_000));
  const height = Math.max(600, Math.min(num(state.height) ?? DEFAULT_WINDOW.height, 10_000));
  const x = num(state.x);
  const y = num(state.y);
  const visible =
    x !== undefined &&
    y !== undefined &&
    displays.some((display) => x + 100 > display.x && x < display.x + display.width - 100 && y >= display.y - 10 && y < display.y + display.height - 100);
  return { width, height, maximized: state.maximized === true, ...(visible ? { x, y } : {}) };
}

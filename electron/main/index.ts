// Electron main process: one secure window over the built renderer, served by the `app://`
// protocol; the API contract over IPC with every sender checked; file dialogs; single instance;
// window size and position remembered. Decisions live in ./security.ts (unit-tested).
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { copyFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, screen, session, type IpcMainInvokeEvent } from 'electron';
import { fileToSaveSchema, type BundleSource } from '../../shared/api/contract';
import { SECURITY_HEADERS } from '../core/http/content-security';
import { parseRange, rangeHeaders } from '../core/http/range';
import { footerTemplate, headerTemplate } from '../core/report/print-pdf';
import { documentFile } from '../core/store/document-store';
import { openWorkstation, type Workstation } from '../core/store/workstation';
import { createWorkspace, type Workspace } from '../core/workspace/api-handlers';
import { dispatch } from '../core/workspace/dispatch';
import { knownDocument } from '../core/workspace/round-views';
import { createTextSearch, type TextSearch } from '../core/workspace/text-search';
import { contentType } from '../core/http/static-files';
import { fileToOpen, type OpenFile } from './open-file';
import { APP_SCHEME, isAllowedNavigation, isTrustedSender, permissionAllowed, RENDERER_ENTRY, resolveAppUrl, restoreWindowState, secureWebPreferences, type WindowState } from './security';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');
const windowStateFile = () => path.join(app.getPath('userData'), 'window-state.json');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } }]);

let workstation: Workstation | undefined;
let workspace: Workspace | undefined;
let search: TextSearch | undefined;
let mainWindow: BrowserWindow | undefined;

async function serveAppUrl(request: Request): Promise<Response> {
  const target = resolveAppUrl(request.url);
  if (target.kind === 'refused') return new Response(`refused: ${target.reason}`, { status: 403 });
  if (target.kind === 'document') {
    const document = workstation === undefined ? undefined : knownDocument(workstation.db, target.documentId);
    if (document === undefined || workstation === undefined) return new Response('no such document', { status: 404 });
    const answer = parseRange(request.headers.get('range'), document.size);
    const { status, headers } = rangeHeaders(answer, document.size);
    const file = documentFile(workstation.documentsDir, document.sha256);
    const body = answer.kind === 'unsatisfiable' ? null : Readable.toWeb(answer.kind === 'partial' ? createReadStream(file, { start: answer.start, end: answer.end }) : createReadStream(file));
    return new Response(body as ReadableStream | null, { status, headers: { ...SECURITY_HEADERS, ...headers } });
  }
  const file = path.join(rendererDir, target.relativePath);
  const info = await stat(file).catch(() => null);
  if (info === null || !info.isFile()) return new Response('not found', { status: 404 });
  return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentType(file) } });
}

function savedWindowState(): WindowState {
  let saved: unknown = null;
  try {
    saved = JSON.parse(readFileSync(windowStateFile(), 'utf8'));
  } catch {
    saved = null;
  }
  return restoreWindowState(saved, screen.getAllDisplays().map((display) => display.workArea));
}

function rememberWindowState(window: BrowserWindow): void {
  const bounds = window.getNormalBounds();
  writeFileSync(windowStateFile(), JSON.stringify({ ...bounds, maximized: window.isMaximized() }), { mode: 0o600 });
}

function createWindow(): BrowserWindow {
  const state = savedWindowState();
  const window = new BrowserWindow({
    ...state,
    minWidth: 1024,
    minHeight: 640,
    title: '评审工作台 ReviewDesk',
    show: false,
    webPreferences: secureWebPreferences(path.join(here, '..', 'preload', 'index.cjs')),
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, window.webContents.getURL())) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.on('close', () => rememberWindowState(window));
  void window.loadURL(RENDERER_ENTRY);
  return window;
}

/** A hidden, sandboxed window without JavaScript holding report HTML, for printing. */
async function reportWindow(html: string): Promise<BrowserWindow> {
  const window = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
  return window;
}

/** printToPDF with the same running header and page numbers as the Chromium printer. */
async function printPdfWithElectron(html: string, options: { title: string; confidential: boolean }): Promise<Buffer> {
  const window = await reportWindow(html);
  try {
    return await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: headerTemplate(options.title, options.confidential),
      footerTemplate: footerTemplate(options.confidential),
      margins: { top: 22 / 25.4, bottom: 20 / 25.4, left: 16 / 25.4, right: 16 / 25.4 },
    });
  } finally {
    window.destroy();
  }
}

function checkedHandler(handler: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>) {
  return async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    if (!isTrustedSender(event.senderFrame?.url)) return { ok: false, error: { code: 'forbidden', message: 'untrusted sender' } };
    return handler(event, ...args);
  };
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let pending = fileToOpen(process.argv);
  const openFile = (file: OpenFile | null) => {
    if (file === null) return;
    if (mainWindow === undefined || mainWindow.webContents.isLoading()) pending = file;
    else mainWindow.webContents.send('app:open-file', file);
  };
  app.on('second-instance', (_event, argv) => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
    openFile(fileToOpen(argv));
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFile(fileToOpen([file]));
  });
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission));
  protocol.handle(APP_SCHEME, serveAppUrl);

  workstation = await openWorkstation(path.join(app.getPath('userData'), 'data'), { create: true });
  search = createTextSearch(workstation, path.join(here, 'indexer-worker.js'), (error) => console.error('text extraction', error));
  workspace = createWorkspace({
    workstation,
    info: { version: app.getVersion(), host: 'electron' },
    search: search.service,
    onImported: () => search?.startIndexing(),
    resolveSource: async (source: BundleSource) => {
      if (source.kind !== 'path') throw new Error('the desktop app opens files by path');
      return { file: source.path, label: source.path };
    },
    printPdf: printPdfWithElectron,
  });
  search.startIndexing();

  ipcMain.handle('api:call', checkedHandler(async (_event, channel, request) => dispatch(workspace!.handlers, String(channel), request)));
  ipcMain.handle(
    'dialog:pick-bundle',
    checkedHandler(async () => {
      const result = await dialog.showOpenDialog(mainWindow!, { properties: ['openFile'], filters: [{ name: 'ReviewDesk bundle', extensions: ['rdbundle', 'zip'] }] });
      const file = result.filePaths[0];
      return result.canceled || file === undefined ? null : ({ kind: 'path', path: file } satisfies BundleSource);
    }),
  );
  ipcMain.handle(
    'dialog:save-file',
    checkedHandler(async (_event, file) => {
      const parsed = fileToSaveSchema.safeParse(file);
      if (!parsed.success) return false;
      const result = await dialog.showSaveDialog(mainWindow!, { defaultPath: path.basename(parsed.data.fileName) });
      if (result.canceled || result.filePath === undefined) return false;
      writeFileSync(result.filePath, Buffer.from(parsed.data.base64, 'base64'), { mode: 0o600 });
      return true;
    }),
  );
  ipcMain.handle(
    'dialog:save-built-bundle',
    checkedHandler(async (_event, draftId, bundleVersion) => {
      if (typeof draftId !== 'string' || typeof bundleVersion !== 'number') return false;
      const { file, fileName } = await workspace!.drafts.bundleFile(draftId, bundleVersion);
      const result = await dialog.showSaveDialog(mainWindow!, { defaultPath: fileName, filters: [{ name: 'ReviewDesk bundle', extensions: ['rdbundle'] }] });
      if (result.canceled || result.filePath === undefined) return false;
      await copyFile(file, result.filePath);
      return true;
    }),
  );
  ipcMain.handle(
    'print:file',
    checkedHandler(async (_event, file) => {
      const parsed = fileToSaveSchema.safeParse(file);
      if (!parsed.success || parsed.data.mimeType !== 'text/html') return false;
      const window = await reportWindow(Buffer.from(parsed.data.base64, 'base64').toString('utf8'));
      return new Promise<boolean>((resolve) => window.webContents.print({ silent: false, printBackground: true }, (success) => {
        window.destroy();
        resolve(success);
      }));
    }),
  );
  mainWindow = createWindow();
  mainWindow.webContents.once('did-finish-load', () => {
    openFile(pending);
    pending = null;
  });
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  void search?.stop();
  void workspace?.close();
  workstation?.close();
});

void start();

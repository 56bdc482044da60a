import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isTrustedSender, permissionAllowed, resolveAppUrl, restoreWindowState, secureWebPreferences } from '../../../electron/main/security';

const SHA = 'a'.repeat(64);

describe('window options', () => {
  it('isolate, sandbox and keep Node out of every window', () => {
    const options = secureWebPreferences('/app/preload/index.cjs');
    expect(options).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, navigateOnDragDrop: false });
    expect(options.preload).toBe('/app/preload/index.cjs');
  });
});

describe('app:// URLs', () => {
  it('serve renderer files by a clean relative path', () => {
    expect(resolveAppUrl('app://renderer/index.html')).toEqual({ kind: 'renderer', relativePath: 'index.html' });
    expect(resolveAppUrl('app://renderer/')).toEqual({ kind: 'renderer', relativePath: 'index.html' });
    expect(resolveAppUrl('app://renderer/assets/index-abc.js')).toEqual({ kind: 'renderer', relativePath: 'assets/index-abc.js' });
    expect(resolveAppUrl('app://renderer/pdfjs/cmaps/UniGB-UCS2-H.bcmap')).toEqual({ kind: 'renderer', relativePath: 'pdfjs/cmaps/UniGB-UCS2-H.bcmap' });
  });

  it('serve documents by id only, never by a path from the URL', () => {
    expect(resolveAppUrl(`app://documents/${SHA}`)).toEqual({ kind: 'document', documentId: SHA });
    for (const url of ['app://documents/../../etc/passwd', 'app://documents/A001/申报材料.pdf', `app://documents/${SHA}/x`, `app://documents/${SHA.toUpperCase()}`, 'app://documents/']) {
      expect(resolveAppUrl(url).kind, url).toBe('refused');
    }
  });

  it('collapse dot segments before anything is served, so a path cannot climb out', () => {
    expect(resolveAppUrl('app://renderer/%2e%2e/%2e%2e/etc/passwd')).toEqual({ kind: 'renderer', relativePath: 'etc/passwd' });
    expect(resolveAppUrl('app://renderer/a/../../../x.js')).toEqual({ kind: 'renderer', relativePath: 'x.js' });
  });

  it.each([
    'app://renderer/..%2fsecret',
    'app://renderer/a%5c..%5cb',
    'app://renderer/a%00.js',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://example.com/',
    'app://user:pw@renderer/index.html',
    'not a url',
  ])('refuse %s', (url) => {
    expect(resolveAppUrl(url).kind).toBe('refused');
  });
});

describe('IPC senders and navigation', () => {
  it('trust only the renderer page itself', () => {
    expect(isTrustedSender('app://renderer/index.html')).toBe(true);
    expect(isTrustedSender('app://renderer/index.html#/round/x')).toBe(true);
    for (const url of [undefined, null, '', 'app://renderer/viewer-harness.html', `app://documents/${SHA}`, 'https://evil.example/', 'file:///tmp/x.html', 'about:blank', 'devtools://devtools/bundled/inspector.html']) {
      expect(isTrustedSender(url), String(url)).toBe(false);
    }
  });

  it('deny navigation away from the renderer, links in PDFs included', () => {
    const current = 'app://renderer/index.html#/';
    expect(isAllowedNavigation('app://renderer/index.html#/round/r1', current)).toBe(true);
    for (const target of ['https://example.com/', 'app://renderer/viewer-harness.html', `app://documents/${SHA}`, 'file:///etc/passwd', 'javascript:alert(1)', 'mailto:a@b.c']) {
      expect(isAllowedNavigation(target, current), target).toBe(false);
    }
  });

  it('deny every permission', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) expect(permissionAllowed(permission)).toBe(false);
  });
});

describe('remembered window state', () => {
  const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  it('restores a sane state and drops a position off every display', () => {
    expect(restoreWindowState({ x: 100, y: 50, width: 1200, height: 700, maximized: true }, displays)).toEqual({ x: 100, y: 50, width: 1200, height: 700, maximized: true });
    expect(restoreWindowState({ x: 5000, y: 50, width: 1200, height: 700 }, displays)).toEqual({ width: 1200, height: 700, maximized: false });
    expect(restoreWindowState({ width: 10, height: 1e9 }, displays)).toEqual({ width: 800, height: 10_000, maximized: false });
    expect(restoreWindowState('garbage', displays)).toEqual({ width: 1366, height: 768, maximized: false });
  });
});

describe('files opened with the app', () => {
  it('start the import for a bundle and the secretariat for a score file', async () => {
    const { fileToOpen } = await import('../../../electron/main/open-file');
    expect(fileToOpen(['/opt/ReviewDesk/reviewdesk', '--no-sandbox', '/home/zs/下载/2025评优.rdbundle'])).toEqual({ kind: 'bundle', path: '/home/zs/下载/2025评优.rdbundle' });
    expect(fileToOpen(['C:\\ReviewDesk.exe', 'D:\\评分\\E01-r2.RDSCORE'])).toEqual({ kind: 'scores', path: 'D:\\评分\\E01-r2.RDSCORE' });
    expect(fileToOpen(['/opt/ReviewDesk/reviewdesk', '.'])).toBeNull();
  });
});

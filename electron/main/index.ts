// Electron main process: one secure window over the built renderer.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain } from 'electron';

const here = path.dirname(fileURLToPath(import.meta.url));

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 768,
    title: '评审工作台 ReviewDesk',
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  void window.loadFile(path.join(here, '../renderer/index.html'));
  return window;
}

ipcMain.handle('app:version', () => app.getVersion());

void app.whenReady().then(() => {
  createWindow();
});

app.on('window-all-closed', () => app.quit());

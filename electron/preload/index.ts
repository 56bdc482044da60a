// The preload exposes the typed ReviewDesk API to the renderer; nothing of Node or Electron leaks.
import { contextBridge, ipcRenderer } from 'electron';

const api = {
  version: (): Promise<string> => ipcRenderer.invoke('app:version') as Promise<string>,
};

export type PreloadApi = typeof api;

contextBridge.exposeInMainWorld('reviewdesk', api);

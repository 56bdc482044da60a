// The preload exposes the typed bridge to the renderer; nothing of Node or Electron leaks.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { CallEnvelope, OpenedFile, ReviewDeskBridge } from '../../shared/api/bridge';
import type { BundleSource, FileToSave } from '../../shared/api/contract';

const bridge = {
  call: (channel: string, request: unknown) => ipcRenderer.invoke('api:call', channel, request) as Promise<CallEnvelope>,
  pickBundle: () => ipcRenderer.invoke('dialog:pick-bundle') as Promise<BundleSource | null>,
  pathForFile: (file: File) => webUtils.getPathForFile(file),
  saveFile: (file: FileToSave) => ipcRenderer.invoke('dialog:save-file', file) as Promise<boolean>,
  printFile: (file: FileToSave) => ipcRenderer.invoke('print:file', file) as Promise<boolean>,
  saveBuiltBundle: (draftId: string, bundleVersion: number) => ipcRenderer.invoke('dialog:save-built-bundle', draftId, bundleVersion) as Promise<boolean>,
  onOpenFile: (listener: (file: OpenedFile) => void) => {
    ipcRenderer.on('app:open-file', (_event, file: OpenedFile) => listener(file));
  },
} satisfies ReviewDeskBridge;

contextBridge.exposeInMainWorld('reviewdesk', bridge);

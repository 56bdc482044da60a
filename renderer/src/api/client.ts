// The renderer's one client: Electron's preload bridge when present, else the local web host.
import { ApiError, type BundleSource, type Channel, type RequestOf, type ResultOf, type ReviewDeskClient } from '../../../shared/api/contract';
import type { CallEnvelope, ReviewDeskBridge } from '../../../shared/api/bridge';
import { chooseFiles } from '../common/choose-files';

declare global {
  interface Window {
    reviewdesk?: ReviewDeskBridge;
  }
}

function unwrap<C extends Channel>(envelope: CallEnvelope): ResultOf<C> {
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.result as ResultOf<C>;
}

function electronClient(bridge: ReviewDeskBridge): ReviewDeskClient {
  return {
    host: 'electron',
    call: async (channel, request) => unwrap(await bridge.call(channel, request)),
    documentUrl: (documentId) => `app://documents/${documentId}`,
    pickBundle: () => bridge.pickBundle(),
    sourceFromFile: async (file) => ({ kind: 'path', path: bridge.pathForFile(file) }),
    saveFile: (file) => bridge.saveFile(file),
    printFile: (file) => bridge.printFile(file),
    saveBuiltBundle: (draftId, bundleVersion) => bridge.saveBuiltBundle(draftId, bundleVersion),
  };
}

function upload(file: File, onProgress?: (fraction: number) => void): Promise<BundleSource> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/upload');
    request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      try {
        resolve(unwrap(JSON.parse(request.responseText) as CallEnvelope) as unknown as BundleSource);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    request.addEventListener('error', () => reject(new ApiError({ code: 'network', message: 'upload failed' })));
    request.send(file);
  });
}

function webClient(): ReviewDeskClient {
  return {
    host: 'web',
    call: async (channel, request) => {
      const response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
        credentials: 'same-origin',
      });
      if (!response.ok) throw new ApiError({ code: `http-${response.status}`, message: await response.text() });
      return unwrap(await response.json() as CallEnvelope);
    },
    documentUrl: (documentId) => `/documents/${documentId}`,
    pickBundle: async () => {
      const [file] = await chooseFiles({ accept: '.rdbundle,.zip' });
      return file === undefined ? null : upload(file);
    },
    sourceFromFile: upload,
    saveFile: async (file) => {
      const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return true;
    },
    // Browser mode prints the PDF from the preview (the browser's own print); no system dialog here.
    printFile: async () => false,
    // A plain link: the host streams the file from disk, however large.
    saveBuiltBundle: async (draftId, bundleVersion) => {
      const link = document.createElement('a');
      link.href = `/built-bundles/${draftId}/${bundleVersion}`;
      link.download = '';
      link.click();
      return true;
    },
  };
}

export const client: ReviewDeskClient = window.reviewdesk ? electronClient(window.reviewdesk) : webClient();

export function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResultOf<C>> {
  return client.call(channel, request);
}

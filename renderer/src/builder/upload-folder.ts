// A chosen folder's files as the API takes them: each file's path below the folder and its
// source (a path in Electron, an upload in the browser), reporting how many are done.
import type { BundleSource } from '../../../shared/api/contract';
import { client } from '../api/client';
import { pathInFolder } from '../common/choose-files';

export async function uploadFolder(files: readonly File[], onProgress: (progress: { done: number; total: number } | null) => void): Promise<{ path: string; source: BundleSource }[]> {
  const chosen: { path: string; source: BundleSource }[] = [];
  try {
    for (const [i, file] of files.entries()) {
      onProgress({ done: i, total: files.length });
      chosen.push({ path: pathInFolder(file), source: await client.sourceFromFile(file) });
    }
  } finally {
    onProgress(null);
  }
  return chosen;
}

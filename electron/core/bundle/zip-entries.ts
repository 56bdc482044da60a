// Reads a bundle ZIP's central directory with yauzl and checks every entry's name and kind
// before any data is read (FORMATS §6 "Bundle"). Pure checks live in shared/bundle/entry-name.
import { open as openFile } from 'node:fs/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { entryNameKey, entryNameProblem } from '../../../shared/bundle/entry-name';
import { Rejection } from '../rejection';

export interface ZipEntryInfo {
  name: string;
  isDirectory: boolean;
  /** Uncompressed size declared in the central directory. */
  size: number;
  entry: Entry;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const HOST_UNIX = 3;
const utf8 = new TextDecoder('utf-8', { fatal: true });

async function startsWithZipSignature(file: string): Promise<boolean> {
  const handle = await openFile(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

/** Opens the ZIP or refuses it with a message a user understands. */
export async function openZip(file: string, label: string): Promise<ZipFile> {
  try {
    return await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Rejection(label, 'file not found', { code: 'not-found' });
    if (code === 'EISDIR') throw new Rejection(label, 'is a folder, not a bundle file', { code: 'not-a-zip' });
    if (await startsWithZipSignature(file).catch(() => false)) {
      throw new Rejection(label, `truncated or damaged ZIP archive (${(error as Error).message})`, { code: 'damaged-zip' });
    }
    throw new Rejection(label, `not a ZIP archive (${(error as Error).message})`, { code: 'not-a-zip' });
  }
}

function decodeName(entry: Entry): string | null {
  const raw = entry.fileNameRaw;
  if ((entry.generalPurposeBitFlag & 0x800) !== 0) {
    try {
      return utf8.decode(raw);
    } catch {
      return null;
    }
  }
  return raw.every((byte) => byte < 0x80) ? raw.toString('latin1') : null;
}

function kindProblem(entry: Entry, name: string): string | null {
  if ((entry.generalPurposeBitFlag & 0x1) !== 0) return 'encrypted entry';
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    return `compression method ${entry.compressionMethod} is not allowed (only stored or deflated)`;
  }
  if (entry.versionMadeBy >> 8 === HOST_UNIX) {
    const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
    if (type === S_IFLNK) return 'symbolic link';
    if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) return 'not a regular file';
    if (type === S_IFDIR && !name.endsWith('/')) return 'directory entry without a trailing "/"';
  }
  if (name.endsWith('/') && entry.uncompressedSize !== 0) return 'directory entry that holds data';
  return null;
}

/** Reads every central-directory entry, refusing bad names, kinds and duplicates. */
export async function readEntries(zip: ZipFile, label: string): Promise<ZipEntryInfo[]> {
  const entries: ZipEntryInfo[] = [];
  const seen = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.removeAllListeners('entry');
      reject(error instanceof Rejection ? error : new Rejection(label, `damaged ZIP archive (${(error as Error).message})`, { code: 'damaged-zip' }));
    };
    zip.on('error', fail);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: Entry) => {
      const name = decodeName(entry);
      if (name === null) return fail(new Rejection(label, 'entry name is not valid UTF-8 or not marked as UTF-8', { entry: entry.fileNameRaw.toString('latin1'), code: 'bad-entry-name' }));
      const problem = entryNameProblem(name) ?? kindProblem(entry, name);
      if (problem !== null) return fail(new Rejection(label, problem, { entry: name, code: 'bad-entry' }));
      const key = entryNameKey(name);
      const twin = seen.get(key);
      if (twin !== undefined) {
        return fail(new Rejection(label, twin === name ? 'duplicate entry name' : `duplicate entry name (same as "${twin}" ignoring case or Unicode form)`, { entry: name, code: 'duplicate-entry' }));
      }
      seen.set(key, name);
      entries.push({ name, isDirectory: name.endsWith('/'), size: entry.uncompressedSize, entry });
      zip.readEntry();
    });
    zip.readEntry();
  });
  zip.removeAllListeners('entry');
  zip.removeAllListeners('end');
  return entries;
}

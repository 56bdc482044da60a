// Does a PDF need a password to open? Experts' viewers cannot open such a file, so the builder
// refuses it before the bundle goes out. Cheap first: an encrypted PDF names `/Encrypt` in its
// trailer, which sits at the end of the file (and, in a linearised file, also near the start);
// only a file that mentions it is opened with pdf.js, loaded on first need, to tell an open
// password (refused) from an owner password that only restricts printing or copying (fine).
import { open, readFile, stat } from 'node:fs/promises';

const HEAD_BYTES = 16 * 1024;
const TAIL_BYTES = 64 * 1024;
const ENCRYPT = Buffer.from('/Encrypt');

/** True when the first 16 KiB or the last 64 KiB of the file mention `/Encrypt`. */
export async function mentionsEncrypt(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    if (head.includes(ENCRYPT)) return true;
    if (size <= HEAD_BYTES) return false;
    const tailLength = Math.min(TAIL_BYTES, size);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    return tail.includes(ENCRYPT);
  } finally {
    await handle.close();
  }
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<Pdfjs> | undefined;

function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= (async () => {
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs'); // the parser runs in this thread ("fake worker")
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjs;
}

/**
 * True when the PDF cannot be opened without a password. A file pdf.js cannot open for another
 * reason is not called password-protected here (the viewer reports what is wrong with it).
 */
export async function needsOpenPassword(file: string): Promise<boolean> {
  // The check runs after every change in the app: a file not changed since is not read again.
  const info = await stat(file);
  const key = `${file}\0${info.size}\0${info.mtimeMs}`;
  const known = answers.get(key);
  if (known !== undefined) return known;
  const answer = await probe(file);
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(key, answer);
  return answer;
}

const answers = new Map<string, boolean>();
const MAX_ANSWERS = 100_000;

async function probe(file: string): Promise<boolean> {
  if (!(await mentionsEncrypt(file))) return false;
  const { getDocument, PasswordException, VerbosityLevel } = await loadPdfjs();
  const task = getDocument({ data: new Uint8Array(await readFile(file)), verbosity: VerbosityLevel.ERRORS, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
  try {
    await task.promise;
    return false;
  } catch (error) {
    return error instanceof PasswordException;
  } finally {
    await task.destroy();
  }
}

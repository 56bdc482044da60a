// Reads a JSON file from disk, refusing it with a clear message when it is missing or not JSON.
import { readFile } from 'node:fs/promises';
import { Rejection } from './rejection';

export async function readJsonFile(file: string, maxBytes = 64 * 1024 * 1024): Promise<unknown> {
  let text: string;
  try {
    const bytes = await readFile(file);
    if (bytes.length > maxBytes) throw new Rejection(file, `file is too large (${bytes.length} bytes, at most ${maxBytes})`, { code: 'too-large' });
    text = bytes.toString('utf8');
  } catch (error) {
    if (error instanceof Rejection) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new Rejection(file, code === 'ENOENT' ? 'file not found' : `cannot read file (${(error as Error).message})`, { code: 'not-found' });
  }
  return parseJsonText(text, file);
}

/** JSON text (a file read elsewhere, or chosen in the app), refused naming `file` when it is not JSON. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Rejection(file, `not valid JSON (${(error as Error).message})`, { code: 'not-json' });
  }
}

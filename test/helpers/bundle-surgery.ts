// Takes a real packed bundle apart and puts it back together with deliberate defects.
import { readFileSync, writeFileSync } from 'node:fs';
import yauzl from 'yauzl';
import { signEnvelope } from '../../electron/core/signing/dsse';
import type { UnlockedKey } from '../../electron/core/keys/secret-key';
import { rawZip, type RawEntry } from './raw-zip';

export interface BundleParts {
  entries: { name: string; data: Buffer }[];
  envelope: { payloadType: string; payload: string; signatures: { keyid: string; sig: string }[] };
  payload: Record<string, unknown> & { files: { path: string; sha256: string; size: number }[] };
}

export async function takeApart(file: string): Promise<BundleParts> {
  const zip = await yauzl.fromBufferPromise(readFileSync(file), { lazyEntries: true });
  const entries: { name: string; data: Buffer }[] = [];
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  const manifest = entries.find((entry) => entry.name === 'manifest.json')!;
  const envelope = JSON.parse(manifest.data.toString('utf8')) as BundleParts['envelope'];
  const payload = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as BundleParts['payload'];
  return { entries, envelope, payload };
}

/** A manifest.json for `payload`, signed by `key`. */
export function signedManifest(payload: unknown, key: UnlockedKey): Buffer {
  return Buffer.from(JSON.stringify(signEnvelope('application/vnd.reviewdesk.bundle+json;v=1', payload, key.seed, key.publicKey)));
}

/** Writes a bundle from raw entries; `manifest` replaces the manifest.json data when given. */
export function putTogether(file: string, parts: BundleParts, changes: { manifest?: Buffer; entries?: RawEntry[]; extra?: RawEntry[] } = {}): string {
  const entries: RawEntry[] =
    changes.entries ??
    parts.entries.map((entry) => ({ name: entry.name, data: entry.name === 'manifest.json' && changes.manifest ? changes.manifest : entry.data }));
  writeFileSync(file, rawZip([...entries, ...(changes.extra ?? [])]));
  return file;
}

// The expert's identity, roster binding and signed export through the API handlers (the same
// handlers the Electron and web hosts dispatch to), on a real workstation.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../shared/api/contract';
import { emptyDraft } from '../../shared/sheet/draft';
import { packBundle } from '../../electron/core/bundle/pack';
import { openBundle } from '../../electron/core/bundle/read-bundle';
import { encodePublicKey } from '../../electron/core/keys/fingerprint';
import { verifyScoreFile } from '../../electron/core/scores/score-file';
import { importBundle } from '../../electron/core/store/import-bundle';
import { openWorkstation, type Workstation } from '../../electron/core/store/workstation';
import type { Workspace } from '../../electron/core/workspace/api-handlers';
import { testWorkspace } from '../helpers/test-workspace';
import { dispatch } from '../../electron/core/workspace/dispatch';
import { makeKey, makeRoundDir, sampleRound, tempDir } from '../helpers/fixtures';

const work = tempDir();
const PASS = '专家口令 2025 secure';
let bundleFile: string;
let workstation: Workstation;
let workspace: Workspace;
let api: ApiHandlers;

async function refused(channel: string, request: unknown): Promise<{ code: string; message: string }> {
  const outcome = await dispatch(workspace.handlers, channel, request);
  expect(outcome.ok).toBe(false);
  return (outcome as { ok: false; error: { code: string; message: string } }).error;
}

function open(dataDir: string): Promise<Workstation> {
  return openWorkstation(dataDir, { create: true });
}

function workspaceOn(station: Workstation): Workspace {
  return testWorkspace(station, { host: 'web' });
}

beforeAll(async () => {
  const secretariat = makeKey(work, 'secretariat');
  const other = makeKey(work, 'other');
  const round = sampleRound();
  (round.experts as { publicKey?: string }[])[1]!.publicKey = encodePublicKey(other.key.publicKey);
  bundleFile = path.join(work, 'round.rdbundle');
  await packBundle({ dir: makeRoundDir(path.join(work, 'round'), round), key: secretariat.key, out: bundleFile });
  const dataDir = path.join(work, 'data');
  await importBundle(bundleFile, { dataDir });
  workstation = await open(dataDir);
  workspace = workspaceOn(workstation);
  api = workspace.handlers;
});

afterAll(async () => {
  await workspace?.close();
  workstation?.close();
});

describe('identity', () => {
  it('is created once, with a real passphrase, and shows its fingerprint', async () => {
    expect(await api['identity.status']({})).toEqual({ exists: false });
    expect((await api['round.get']({ roundId: 'nmgaf-2025-awards' })).binding).toEqual({ state: 'no-identity' });
    expect((await refused('identity.create', { name: '张三', passphrase: 'short' })).code).toBe('bad-request');
    const created = await api['identity.create']({ name: '张三', passphrase: PASS });
    expect(created).toMatchObject({ exists: true, name: '张三' });
    expect(created.fingerprint).toMatch(/^([0-9A-F]{4}-){7}[0-9A-F]{4}$/);
    expect((await refused('identity.create', { name: '李四', passphrase: PASS })).code).toBe('identity-exists');
    const keyFile = readFileSync(path.join(workstation.dir, 'identity.key'), 'utf8');
    expect(JSON.parse(keyFile)).toMatchObject({ format: 'reviewdesk.key/1', kdf: { name: 'scrypt' } });
    if (process.platform !== 'win32') expect((await import('node:fs')).statSync(path.join(workstation.dir, 'identity.key')).mode & 0o077).toBe(0);
  });

  it('exports the public identity and an encrypted backup; never the seed', async () => {
    const pub = JSON.parse(Buffer.from((await api['identity.exportPublic']({})).base64, 'base64').toString());
    const status = await api['identity.status']({});
    expect(pub).toEqual({ name: '张三', publicKey: status.publicKey, fingerprint: status.fingerprint });
    const backup = Buffer.from((await api['identity.backup']({})).base64, 'base64').toString();
    expect(JSON.parse(backup)).toMatchObject({ publicKey: status.publicKey, cipher: { name: 'aes-256-gcm' } });
    expect((await refused('identity.restore', { content: backup, passphrase: 'wrong passphrase' })).code).toBe('wrong-passphrase');
    expect(await api['identity.restore']({ content: backup, passphrase: PASS })).toMatchObject({ exists: true, publicKey: status.publicKey });
    const stranger = readFileSync(path.join(work, 'other.key'), 'utf8');
    expect((await refused('identity.restore', { content: stranger, passphrase: '正确 horse battery staple' })).code).toBe('identity-exists');
    expect((await refused('identity.restore', { content: '{"not":"a key"}', passphrase: 'x' })).code).toBe('invalid-key');
  });

  it('changes the passphrase: the old one stops working', async () => {
    expect((await refused('identity.changePassphrase', { current: 'not it at all', next: 'another passphrase 1' })).code).toBe('wrong-passphrase');
    await api['identity.changePassphrase']({ current: PASS, next: 'another passphrase 1' });
    await api['identity.changePassphrase']({ current: 'another passphrase 1', next: PASS });
  });
});

describe('roster binding and export', () => {
  const roundId = 'nmgaf-2025-awards';

  it('asks the expert to choose where the roster has no key, and refuses an entry with another key', async () => {
    const view = await api['round.get']({ roundId });
    expect(view.binding).toEqual({ state: 'choose', candidates: [{ id: 'E01', name: '张三' }], othersKeyed: [{ id: 'E02', name: '李四' }] });
    const refusal = await refused('round.bind', { roundId, expertId: 'E02' });
    expect(refusal.code).toBe('roster-key-differs');
    expect(refusal.message).toMatch(/scoring as that expert is refused/);
    expect(await api['round.bind']({ roundId, expertId: 'E01' })).toEqual({ state: 'bound', expertId: 'E01', expertName: '张三', how: 'chosen' });
    expect((await api['round.get']({ roundId })).applicants.map((row) => row.id)).toEqual(['A001', 'A002']);
    expect((await refused('sheet.save', { roundId, applicantId: 'B001', draft: emptyDraft() })).code).toBe('not-found');
  });

  it('lists incomplete sheets, refuses a final export until complete, and signs revisions', async () => {
    const status = await api['scores.status']({ roundId });
    expect(status.incomplete.map((sheet) => sheet.applicantId)).toEqual(['A001', 'A002']);
    expect((await refused('scores.export', { roundId, passphrase: PASS, final: true })).code).toBe('incomplete');
    await api['sheet.save']({ roundId, applicantId: 'A001', draft: { ...emptyDraft(), checks: { k1: true }, scores: { c1: '22.5', c2a: '8', c2b: '14' }, comment: '材料齐全' } });
    await api['sheet.save']({ roundId, applicantId: 'A002', draft: { ...emptyDraft(), conflict: true, conflictReason: '本人曾在该单位任职' } });
    expect((await refused('scores.export', { roundId, passphrase: 'wrong passphrase', final: true })).code).toBe('wrong-passphrase');
    expect(existsSync(path.join(workstation.dir, 'exports')) ? readdirSync(path.join(workstation.dir, 'exports')) : []).toEqual([]);

    const first = await api['scores.export']({ roundId, passphrase: PASS, final: true });
    expect(first).toMatchObject({ revision: 1, final: true, sheets: 2 });
    const bundle = await openBundle(bundleFile);
    bundle.close();
    const verified = verifyScoreFile(Buffer.from(first.file.base64, 'base64'), first.fileName, bundle);
    expect(verified).toMatchObject({ sha256: first.sha256, unregisteredKey: true, payload: { expertId: 'E01', revision: 1, final: true } });
    expect(verified.payload.publicKey).toBe((await api['identity.status']({})).publicKey);

    const after = await api['scores.status']({ roundId });
    expect(after).toMatchObject({ incomplete: [], nextRevision: 2, changedSinceExport: 0 });
    expect(after.history.map((entry) => [entry.revision, entry.sha256])).toEqual([[1, first.sha256]]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await api['sheet.save']({ roundId, applicantId: 'A001', draft: { ...emptyDraft(), checks: { k1: true }, scores: { c1: '23', c2a: '8', c2b: '14' }, comment: '材料齐全' } });
    expect((await api['scores.status']({ roundId })).changedSinceExport).toBe(1);
    const second = await api['scores.export']({ roundId, passphrase: PASS, final: true });
    expect(second.revision).toBe(2);
    expect(Buffer.from((await api['scores.download']({ roundId, revision: 1 })).base64, 'base64').toString()).toBe(Buffer.from(first.file.base64, 'base64').toString());
  });

  it('binds at once where the roster carries this workstation key', async () => {
    const secretariat = makeKey(work, 'secretariat2');
    const identity = await api['identity.status']({});
    const round = sampleRound();
    round.round = { ...(round.round as object), id: 'keyed-round' };
    (round.experts as { publicKey?: string }[])[0]!.publicKey = identity.publicKey!;
    const keyed = path.join(work, 'keyed.rdbundle');
    await packBundle({ dir: makeRoundDir(path.join(work, 'keyed'), round), key: secretariat.key, out: keyed });
    workstation.close();
    await workspace.close();
    await importBundle(keyed, { dataDir: workstation.dir });
    workstation = await open(workstation.dir);
    workspace = workspaceOn(workstation);
    api = workspace.handlers;
    expect((await api['round.get']({ roundId: 'keyed-round' })).binding).toEqual({ state: 'bound', expertId: 'E01', expertName: '张三', how: 'roster-key' });
  });
});

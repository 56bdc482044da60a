// Confidentiality: the data directory and its files are readable by the user only, and removing a
// round from this computer leaves no file, row or byte of it behind (database free pages and the
// text index included), after warning about scores not exported.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../shared/api/contract';
import { emptyDraft } from '../../shared/sheet/draft';
import { packBundle } from '../../electron/core/bundle/pack';
import { indexPendingInline } from '../../electron/core/search';
import { importBundle } from '../../electron/core/store/import-bundle';
import { openWorkstation, type Workstation } from '../../electron/core/store/workstation';
import type { Workspace } from '../../electron/core/workspace/api-handlers';
import { testWorkspace } from '../helpers/test-workspace';
import { makeKey, makeRoundDir, sampleRound, tempDir } from '../helpers/fixtures';

const work = tempDir();
const SECRET_NAME = '保密测试专用名称有限公司';
const SECRET_COMMENT = '仅供本轮评审的保密意见甲乙丙';
let workstation: Workstation;
let workspace: Workspace;
let api: ApiHandlers;

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? allFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

beforeAll(async () => {
  const secretariat = makeKey(work, 'secretariat');
  const secret = sampleRound();
  secret.applicants[0]!.name = SECRET_NAME;
  const other = sampleRound();
  other.round = { ...(other.round as object), id: 'other-round', title: '另一轮' };
  other.applicants = other.applicants.slice(2);
  other.experts = [{ id: 'E01', name: '张三', assigned: ['B001'] }];
  const dataDir = path.join(work, 'data');
  for (const [name, round] of [['secret', secret], ['other', other]] as const) {
    const out = path.join(work, `${name}.rdbundle`);
    await packBundle({ dir: makeRoundDir(path.join(work, name), round), key: secretariat.key, out });
    await importBundle(out, { dataDir });
  }
  workstation = await openWorkstation(dataDir);
  await indexPendingInline(workstation.db, workstation.documentsDir);
  workspace = testWorkspace(workstation, { host: 'web' });
  api = workspace.handlers;
});

afterAll(async () => {
  await workspace?.close();
  workstation?.close();
});

describe('confidentiality', () => {
  const roundId = 'nmgaf-2025-awards';

  it('keeps every file of the data directory readable by the user only', async () => {
    await api['identity.create']({ name: '张三', passphrase: '保密口令 2025 secure' });
    await api['round.bind']({ roundId, expertId: 'E01' });
    await api['sheet.save']({ roundId, applicantId: 'A001', draft: { ...emptyDraft(), checks: { k1: true }, scores: { c1: '20', c2a: '8', c2b: '12' }, comment: SECRET_COMMENT } });
    await api['sheet.save']({ roundId, applicantId: 'A002', draft: { ...emptyDraft(), conflict: true, conflictReason: '亲属' } });
    await api['scores.export']({ roundId, passphrase: '保密口令 2025 secure', final: true });
    if (process.platform === 'win32') return;
    expect(statSync(workstation.dir).mode & 0o077).toBe(0);
    for (const file of allFiles(workstation.dir)) expect({ file, mode: statSync(file).mode & 0o077 }).toEqual({ file, mode: 0 });
  });

  it('warns about unexported scores, then removes the round and leaves no trace of it', async () => {
    expect(await api['round.removeCheck']({ roundId })).toEqual({ unexportedSheets: 0 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await api['sheet.save']({ roundId, applicantId: 'A001', draft: { ...emptyDraft(), checks: { k1: true }, scores: { c1: '21', c2a: '8', c2b: '12' }, comment: SECRET_COMMENT } });
    expect(await api['round.removeCheck']({ roundId })).toEqual({ unexportedSheets: 1 });
    const documentsBefore = allFiles(workstation.documentsDir).length;
    const holds = (marker: string) => allFiles(workstation.dir).some((file) => readFileSync(file).includes(Buffer.from(marker, 'utf8')));
    expect([holds(SECRET_NAME), holds(SECRET_COMMENT)]).toEqual([true, true]);
    const result = await api['round.remove']({ roundId });
    expect(result.exports).toBe(1);
    expect(result.documents).toBeGreaterThan(0);
    expect(allFiles(workstation.documentsDir)).toHaveLength(documentsBefore - result.documents);
    expect((await api['rounds.list']({})).map((round) => round.id)).toEqual(['other-round']);
    for (const table of ['rounds', 'applicants', 'sheets', 'experts', 'round_bindings', 'score_exports', 'imports']) {
      expect(workstation.db.prepare(`SELECT count(*) FROM ${table} WHERE ${table === 'rounds' ? 'id' : 'round_id'} = ?`).pluck().get(roundId), table).toBe(0);
    }
    // No byte of it anywhere: database (free pages and WAL included), store, exports.
    for (const file of allFiles(workstation.dir)) {
      const bytes = readFileSync(file);
      for (const marker of [SECRET_NAME, SECRET_COMMENT, roundId]) expect(bytes.includes(Buffer.from(marker, 'utf8')), `${marker} in ${file}`).toBe(false);
    }
    // The other round is untouched and still searchable.
    expect((await api['round.get']({ roundId: 'other-round' })).applicants.map((row) => row.id)).toEqual(['B001']);
  });
});

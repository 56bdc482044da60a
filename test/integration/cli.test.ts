// The `reviewdesk` command line as FORMATS §5 fixes it: arguments, exit codes, --json, passphrases.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRoundDir, sampleRound, tempDir } from '../helpers/fixtures';
import { ROOT, runNode } from '../helpers/run-ts';
import { execFileSync } from 'node:child_process';

const work = tempDir();
const BIN = path.join(ROOT, 'bin/reviewdesk.mjs');
const env = { REVIEWDESK_PASSPHRASE: '秘书处的口令' };
const cli = (args: string[], extraEnv: NodeJS.ProcessEnv = env) => runNode(BIN, args, { env: extraEnv, cwd: work });

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-node.mjs')]);
  makeRoundDir(path.join(work, 'round'));
});

describe('reviewdesk keygen', () => {
  it('writes FILE.key and FILE.pub and prints the fingerprint; never overwrites', async () => {
    const result = await cli(['keygen', '--name', '秘书处', '--out', 'sec']);
    expect(result.code).toBe(0);
    const pub = JSON.parse(readFileSync(path.join(work, 'sec.pub'), 'utf8'));
    expect(result.stdout).toContain(pub.fingerprint);
    expect(JSON.parse(readFileSync(path.join(work, 'sec.key'), 'utf8'))).toMatchObject({ format: 'reviewdesk.key/1', kdf: { name: 'scrypt' }, cipher: { name: 'aes-256-gcm' } });
    const again = await cli(['keygen', '--name', 'x', '--out', 'sec']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/sec\.key: already exists/);
    expect(await cli(['keygen', '--name', 'other', '--out', 'other'])).toMatchObject({ code: 0 });
  });

  it('needs a passphrase: an empty REVIEWDESK_PASSPHRASE counts as unset', async () => {
    const result = await cli(['keygen', '--name', 'n', '--out', 'nopass'], { REVIEWDESK_PASSPHRASE: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/REVIEWDESK_PASSPHRASE/);
    expect(existsSync(path.join(work, 'nopass.key'))).toBe(false);
  });
});

describe('reviewdesk pack / inspect / import', () => {
  it('packs, inspects with --json and imports', async () => {
    const packed = await cli(['pack', 'round', '--key', 'sec.key', '--out', 'r.rdbundle', '--bundle-version', '3', '--bundle-id', '5f0c6f5e-3a43-4c4e-9a55-8d4a3c1d2b10']);
    expect(packed.stderr).toBe('');
    expect(packed.code).toBe(0);
    const inspected = await cli(['inspect', 'r.rdbundle', '--issuer', 'sec.pub', '--json']);
    expect(inspected.code).toBe(0);
    const report = JSON.parse(inspected.stdout);
    expect(report).toMatchObject({ ok: true, roundId: 'nmgaf-2025-awards', bundleVersion: 3, bundleId: '5f0c6f5e-3a43-4c4e-9a55-8d4a3c1d2b10', files: 4, issuerPinned: true });
    const imported = await cli(['import', 'r.rdbundle', '--data', 'data']);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('trusted on first use');
    expect(imported.stdout).toContain(report.issuer.fingerprint);
    const again = await cli(['import', 'r.rdbundle', '--data', 'data', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, outcome: 'unchanged' });
  });

  it('exit 1 with the file named for rejected input, and {"ok":false} with --json', async () => {
    const wrongIssuer = await cli(['inspect', 'r.rdbundle', '--issuer', 'other.pub', '--json']);
    expect(wrongIssuer.code).toBe(1);
    expect(JSON.parse(wrongIssuer.stdout)).toMatchObject({ ok: false, error: { code: 'wrong-issuer', file: 'r.rdbundle', entry: 'manifest.json' } });
    writeFileSync(path.join(work, 'junk.rdbundle'), 'not a zip');
    const junk = await cli(['import', 'junk.rdbundle', '--data', 'data']);
    expect(junk.code).toBe(1);
    expect(junk.stderr).toMatch(/junk\.rdbundle: not a ZIP archive/);
    const wrongPass = await cli(['pack', 'round', '--key', 'sec.key', '--out', 'x.rdbundle'], { REVIEWDESK_PASSPHRASE: 'wrong' });
    expect(wrongPass.code).toBe(1);
    expect(wrongPass.stderr).toMatch(/sec\.key: wrong passphrase/);
    expect(existsSync(path.join(work, 'x.rdbundle'))).toBe(false);
    const round = sampleRound();
    (round.rubrics as { criteria: { step?: number }[] }[])[0]!.criteria[0]!.step = 0.7;
    makeRoundDir(path.join(work, 'bad-round'), round);
    const bad = await cli(['pack', 'bad-round', '--key', 'sec.key', '--out', 'bad.rdbundle']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/round\.json: invalid round definition\n\s+rubrics\[0\]\.criteria\[0\]\.step \(c1\): 0\.7 does not divide 25/);
  });

  it('exit 2 for usage errors', async () => {
    for (const args of [[], ['inspect'], ['import', 'r.rdbundle'], ['pack', 'round', '--key', 'sec.key'], ['inspect', 'r.rdbundle', '--frobnicate'], ['pack', 'round', '--key', 'sec.key', '--out', 'y', '--bundle-version', 'two']]) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(2);
    }
  });
});

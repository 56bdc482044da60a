// The builder's open-password check on the shared corpus (PDFs made by other tools: scans, broken
// files, JavaScript, an encrypted attachment) and on qpdf-encrypted fixtures.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentionsEncrypt, needsOpenPassword } from '../../../electron/core/round-builder/pdf-password';
import { CORPUS } from '../../helpers/fixtures';
import { ROOT } from '../../helpers/project-root';

const ENCRYPTED = path.join(ROOT, 'test/fixtures/encrypted');

describe('a PDF that needs a password to open', () => {
  it('is found with AES-256 and RC4 encryption; an owner password alone does not count', async () => {
    expect(await needsOpenPassword(path.join(ENCRYPTED, 'open-password-aes256.pdf'))).toBe(true);
    expect(await needsOpenPassword(path.join(ENCRYPTED, 'open-password-rc4.pdf'))).toBe(true);
    expect(await mentionsEncrypt(path.join(ENCRYPTED, 'owner-password-only.pdf'))).toBe(true);
    expect(await needsOpenPassword(path.join(ENCRYPTED, 'owner-password-only.pdf'))).toBe(false);
  });

  it('is, of the corpus, only the file pdf.js (the experts\' viewer) asks a password for; broken files are not called protected', async () => {
    const files = readdirSync(CORPUS).filter((name) => name.toLowerCase().endsWith('.pdf'));
    expect(files.length).toBeGreaterThan(10);
    const flagged = [];
    for (const name of files) if (await needsOpenPassword(path.join(CORPUS, name))) flagged.push(name);
    // An AES-256 (R6) security handler for its attachment; poppler shows the page, pdf.js wants a
    // password, so an expert could not read it in ReviewDesk (see also extract-text.test.ts).
    expect(flagged).toEqual(['encrypted-attachment.pdf']);
  });
});

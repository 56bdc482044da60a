// Migration 002: the page-text FTS5 table (trigram) and the per-document status, on top of 001.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../../electron/core/store/database';
import { migrations } from '../../../electron/core/store/migrations';
import { tempDir } from '../../helpers/fixtures';

const SHA = 'a'.repeat(64);

function objects(db: Database.Database): string[] {
  return db.prepare("SELECT type || ' ' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").pluck().all() as string[];
}

function at002(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.slice(0, 1));
  return db;
}

describe('migration 002 document-text', () => {
  it('is version 2 and applies on top of 001, leaving 001 as it was', () => {
    expect(migrations[1]).toMatchObject({ version: 2, name: 'document-text' });
    const db = at002();
    const before = objects(db);
    migrate(db, migrations.slice(0, 2));
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    const added = objects(db).filter((name) => !before.includes(name));
    expect(added).toEqual(expect.arrayContaining(['table document_text', 'table document_text_status', 'trigger document_text_status_forget_pages']));
    expect(objects(db)).toEqual(expect.arrayContaining(before));
    db.close();
  });

  it('a new workstation database has the document text tables', () => {
    const db = openDatabase(path.join(tempDir(), 'db.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(2);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('document_text', 'document_text_status')").pluck().get()).toBe(2);
    db.close();
  });

  it('indexes page text with trigrams: Chinese substrings, case-insensitive Latin, nothing under 3 characters', () => {
    const db = at002();
    migrate(db);
    const insert = db.prepare('INSERT INTO document_text (sha256, page, text) VALUES (?, ?, ?)');
    insert.run(SHA, 1, '企业营业执照复印件（加盖公章）');
    insert.run(SHA, 2, 'PDF.js renders Portable Document Format files');
    const pages = (match: string) => db.prepare('SELECT page FROM document_text WHERE document_text MATCH ? ORDER BY page').pluck().all(match);
    expect(pages('"营业执照"')).toEqual([1]);
    expect(pages('"执照复印"')).toEqual([1]);
    expect(pages('"portable document"')).toEqual([2]);
    expect(pages('"营业"')).toEqual([]);
    // sha256 and page are stored, not indexed.
    expect(pages(`"${SHA.slice(0, 10)}"`)).toEqual([]);
    db.close();
  });

  it('status rows belong to stored documents and say done or failed; a failure carries its reason', () => {
    const db = at002();
    migrate(db);
    const status = db.prepare('INSERT INTO document_text_status (sha256, status, pages, characters, error, extracted_at) VALUES (?, ?, 0, 0, ?, ?)');
    expect(() => status.run(SHA, 'done', null, 'now')).toThrow(/FOREIGN KEY/);
    db.prepare('INSERT INTO documents (sha256, size) VALUES (?, 1)').run(SHA);
    expect(() => status.run(SHA, 'pending', null, 'now')).toThrow(/CHECK/);
    expect(() => status.run(SHA, 'failed', null, 'now')).toThrow(/CHECK/);
    expect(() => status.run(SHA, 'done', 'why', 'now')).toThrow(/CHECK/);
    status.run(SHA, 'failed', 'not a valid PDF', 'now');
    expect(db.prepare('SELECT count(*) FROM document_text_status').pluck().get()).toBe(1);
    db.close();
  });

  it('forgetting a document forgets its status and its pages, found by rowid (status id * 2^20 + page)', () => {
    const db = at002();
    migrate(db);
    const other = 'b'.repeat(64);
    for (const [id, sha] of [[1, SHA], [2, other]] as const) {
      db.prepare('INSERT INTO documents (sha256, size) VALUES (?, 1)').run(sha);
      db.prepare("INSERT INTO document_text_status (id, sha256, status, pages, characters, extracted_at) VALUES (?, ?, 'done', 2, 14, 'now')").run(id, sha);
      for (const page of [1, 2]) db.prepare('INSERT INTO document_text (rowid, sha256, page, text) VALUES (?, ?, ?, ?)').run(id * 2 ** 20 + page, sha, page, '营业执照复印件');
    }
    db.prepare('DELETE FROM documents WHERE sha256 = ?').run(SHA);
    expect(db.prepare('SELECT sha256 FROM document_text_status').pluck().all()).toEqual([other]);
    expect(db.prepare('SELECT rowid FROM document_text').pluck().all()).toEqual([2 * 2 ** 20 + 1, 2 * 2 ** 20 + 2]);
    expect(db.prepare(`SELECT DISTINCT sha256 FROM document_text WHERE document_text MATCH '"营业执照"'`).pluck().all()).toEqual([other]);
    db.close();
  });
});

// Each numbered migration gets its own test: it applies on the schema before it and leaves what it promises.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../../electron/core/store/database';
import { migrations } from '../../../electron/core/store/migrations';
import path from 'node:path';
import { tempDir } from '../../helpers/fixtures';

function tables(db: Database.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
}

describe('migrations', () => {
  it('are numbered 1, 2, 3 … without gaps', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  it('001 creates the round, document, trust, sheet and import tables', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 1));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(['applicant_documents', 'applicants', 'categories', 'documents', 'experts', 'imports', 'rounds', 'rubrics', 'sheets', 'trusted_issuers']);
    db.pragma('foreign_keys = ON');
    expect(() => db.prepare("INSERT INTO sheets (round_id, applicant_id, status, data, updated_at) VALUES ('none', 'A1', 'draft', '{}', 'now')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO documents (sha256, size) VALUES ('short', 1)").run()).toThrow(/CHECK/);
    db.close();
  });

  it('run once: opening again applies nothing, and a newer schema is refused', () => {
    const file = path.join(tempDir(), 'db.sqlite');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(/newer ReviewDesk/);
  });

  it('a failing migration leaves the database at the previous version', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 1));
    expect(() => migrate(db, [...migrations.slice(0, 1), { version: 2, name: 'broken', sql: 'CREATE TABLE x (a); SELECT * FROM missing_table;' }])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).not.toContain('x');
    db.close();
  });
});

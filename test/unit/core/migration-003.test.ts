import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/database';
import { migrations } from '../../../electron/core/store/migrations';

describe('migration 003', () => {
  it('adds round bindings and the score export history on top of 002', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 2));
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    migrate(db, migrations.slice(0, 3));
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((column) => column.name);
    expect(columns('round_bindings')).toEqual(['round_id', 'expert_id', 'public_key', 'bound_at']);
    expect(columns('score_exports')).toContain('file_sha256');
    expect(() => db.prepare("INSERT INTO round_bindings VALUES ('no-round', 'E01', 'k', 'now')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

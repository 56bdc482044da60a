import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/database';
import { migrations } from '../../../electron/core/store/migrations';

describe('migration 004', () => {
  it('adds merges with their files and decisions, which go with their merge', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 3));
    migrate(db, migrations.slice(0, 4));
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    db.prepare("INSERT INTO merges VALUES ('m1', 'r', '轮次', 'b', 1, 'sha', x'7b7d', 'fp', 'now')").run();
    db.prepare("INSERT INTO merge_files VALUES ('m1', 'E01.rdscore', 'sha', x'00', 'now')").run();
    db.prepare("INSERT INTO decisions VALUES ('m1', 'c', 'A001', '{}', 'now')").run();
    expect(() => db.prepare("INSERT INTO decisions VALUES ('nope', 'c', 'A001', '{}', 'now')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM merges WHERE id = 'm1'").run();
    expect(db.prepare('SELECT count(*) FROM merge_files').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM decisions').pluck().get()).toBe(0);
    db.close();
  });
});

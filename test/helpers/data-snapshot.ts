// Everything a data directory holds, for "unchanged" assertions: every table's rows and every
// file with its hash.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

function files(dir: string, base = dir): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) Object.assign(out, files(full, base));
    else if (!/reviewdesk\.sqlite(-wal|-shm)?$/.test(name) && name !== 'lock') {
      out[path.relative(base, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  }
  return out;
}

export function snapshot(dataDir: string): { exists: boolean; tables: Record<string, unknown[]>; files: Record<string, string> } {
  if (!existsSync(dataDir)) return { exists: false, tables: {}, files: {} };
  const dbFile = path.join(dataDir, 'reviewdesk.sqlite');
  const tables: Record<string, unknown[]> = {};
  if (existsSync(dbFile)) {
    const db = new Database(dbFile);
    try {
      const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
      for (const name of names) tables[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all();
    } finally {
      db.close();
    }
  }
  return { exists: true, tables, files: files(dataDir) };
}

// Numbered migrations, applied in order; PRAGMA user_version records the last one applied.
import * as m001 from './001-rounds';
import * as m002 from './002-document-text';
import * as m003 from './003-bindings-exports';
import * as m004 from './004-merges';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [m001, m002, m003, m004];

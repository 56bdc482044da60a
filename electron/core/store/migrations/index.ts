// Numbered migrations, applied in order; PRAGMA user_version records the last one applied.
import * as m001 from './001-rounds';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [m001];

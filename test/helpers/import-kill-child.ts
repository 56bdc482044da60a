// Runs one import in a child process for the kill tests (test/faults/import-kill.test.ts): prints
// `ready` right before the import starts, so the parent can time its SIGKILL from there, and
// `completed <ms>` with the import's own duration when it finishes.
import { writeSync } from 'node:fs';
import { importBundle } from '../../electron/core/store/import-bundle';

const [file, dataDir] = process.argv.slice(2) as [string, string];
writeSync(1, 'ready\n');
const started = performance.now();
const result = await importBundle(file, { dataDir });
writeSync(1, `completed ${Math.round(performance.now() - started)} ${result.outcome}\n`);

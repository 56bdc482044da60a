// Runs one import in a child process and kills itself (SIGKILL) at the named fault point, or
// after a delay: a crash that no cleanup code can soften.
import { importBundle } from '../../electron/core/store/import-bundle';

const [file, dataDir, killAt, delayMs] = process.argv.slice(2) as [string, string, string, string | undefined];
if (killAt === 'delay') setTimeout(() => process.kill(process.pid, 'SIGKILL'), Number(delayMs));
await importBundle(file, {
  dataDir,
  faultPoint: (step) => {
    if (step === killAt) process.kill(process.pid, 'SIGKILL');
  },
});
process.stdout.write('completed\n');

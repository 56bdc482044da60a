// Child process of the import benchmark: imports once, prints seconds and peak RSS as JSON.
import { importBundle } from '../../electron/core/store/import-bundle';

const [bundle, dataDir] = process.argv.slice(2) as [string, string];
const start = process.hrtime.bigint();
await importBundle(bundle, { dataDir });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));

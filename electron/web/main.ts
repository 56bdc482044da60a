// `node out/web/host.mjs [--data DIR] [--port N] [--open]`: the local web host as a program.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/data-dir';
import { createTextSearch } from '../core/workspace/text-search';
import { findChromium, openAppWindow } from '../core/report/chromium';
import { startWebHost } from './host';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: { data: { type: 'string' }, port: { type: 'string' }, open: { type: 'boolean' }, renderer: { type: 'string' }, token: { type: 'string' } },
});

const host = await startWebHost({
  dataDir: path.resolve(values.data ?? defaultDataDir()),
  rendererDir: path.resolve(values.renderer ?? path.join(here, '..', 'renderer')),
  ...(values.port !== undefined ? { port: Number(values.port) } : {}),
  ...(values.token !== undefined ? { token: values.token } : {}),
  version: process.env.REVIEWDESK_VERSION ?? '0.1.0',
  search: (workstation) => createTextSearch(workstation, path.join(here, 'indexer-worker.mjs'), (error) => console.error('[reviewdesk] text extraction:', error)),
});

console.log(`ReviewDesk is running in browser mode at ${host.url}`);
console.log(`REVIEWDESK_URL=${host.url}`);
if (values.open) {
  const browser = findChromium();
  if (browser) openAppWindow(browser, host.url);
  else console.log('No Chromium, Chrome or Edge found: open the address above in your browser.');
}

const stop = async () => {
  await host.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

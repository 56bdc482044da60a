// Entry point of the bundled CLI (dist/cli/reviewdesk.mjs).
import { runCli } from './main';

process.exitCode = await runCli(process.argv.slice(2));

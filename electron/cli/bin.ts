// Entry point of the bundled CLI (dist/cli/reviewdesk.mjs).
import { runCli } from './run-cli';

process.exitCode = await runCli(process.argv.slice(2));

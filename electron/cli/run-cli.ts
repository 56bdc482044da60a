// `reviewdesk` command line (FORMATS §5): exit 0 done, 1 rejected input, 2 usage error.
import { Rejection } from '../core/rejection';
import { DataDirBusyError } from '../core/store/data-lock';
import { WriteFailure } from '../core/write-failure';
import { parseCommand, type CommandContext, type OptionSpec } from './context';
import { keygen } from './commands/keygen';
import { pack } from './commands/pack';
import { inspect } from './commands/inspect';
import { importCommand } from './commands/import';
import { score } from './commands/score';
import { verify } from './commands/verify';
import { merge } from './commands/merge';
import { demo } from './commands/demo';
import { round, ROUND_OPTIONS } from './commands/round';
import { HELP, UsageError } from './usage';

interface Command {
  options: OptionSpec;
  run(context: CommandContext): Promise<number>;
}

const text = { type: 'string' } as const;

const commands: Record<string, Command> = {
  keygen: { options: { name: text, out: text }, run: keygen },
  pack: { options: { key: text, out: text, 'bundle-id': text, 'bundle-version': text }, run: pack },
  inspect: { options: { issuer: text }, run: inspect },
  import: { options: { data: text, issuer: text }, run: importCommand },
  score: { options: { key: text, expert: text, sheet: text, out: text, revision: text, draft: { type: 'boolean' }, issuer: text }, run: score },
  verify: { options: { bundle: text, issuer: text, 'expert-key': { type: 'string', multiple: true } }, run: verify },
  merge: { options: { bundle: text, out: text, issuer: text, method: text, 'expert-key': { type: 'string', multiple: true } }, run: merge },
  demo: { options: { out: text }, run: demo },
  round: { options: ROUND_OPTIONS, run: round },
};

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: Io = {
  stdout: (chunk) => process.stdout.write(chunk),
  stderr: (chunk) => process.stderr.write(chunk),
};

export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${HELP}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout(`${process.env.REVIEWDESK_VERSION ?? '0.1.0'}\n`);
    return 0;
  }
  const command = commands[name];
  if (command === undefined) {
    io.stderr(`reviewdesk: unknown command "${name}"\n\n${HELP}\n`);
    return 2;
  }
  const wantsJson = rest.includes('--json');
  const fail = (code: number, error: Record<string, unknown>, message: string) => {
    if (wantsJson) io.stdout(`${JSON.stringify({ ok: false, error }, null, 2)}\n`);
    io.stderr(`reviewdesk ${name}: ${message}\n`);
    return code;
  };
  try {
    const context = parseCommand(rest, command.options, io.stdout);
    if (context.positionals.length > 1 && name !== 'merge' && name !== 'round') throw new UsageError(`unexpected argument "${context.positionals[1]}"`);
    return await command.run(context);
  } catch (error) {
    if (error instanceof UsageError) {
      return fail(2, { code: 'usage', message: error.message }, `${error.message}\n(see reviewdesk --help)`);
    }
    if (error instanceof Rejection) return fail(1, error.toJSON(), error.message);
    if (error instanceof DataDirBusyError) return fail(1, { code: 'busy', message: error.message }, error.message);
    if (error instanceof WriteFailure) return fail(1, { code: 'write-failed', message: error.message }, error.message);
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return fail(1, { code: 'failed', message: error instanceof Error ? error.message : String(error) }, message);
  }
}

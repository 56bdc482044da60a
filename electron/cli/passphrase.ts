// Passphrases for the CLI: REVIEWDESK_PASSPHRASE when set and non-empty, else a hidden prompt.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { UsageError } from './usage';

async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new UsageError('no passphrase: set REVIEWDESK_PASSPHRASE or run in a terminal to be asked for it');
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    process.stderr.write(question);
    muted = true;
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    muted = false;
    process.stderr.write('\n');
    rl.close();
  }
}

export async function readPassphrase(purpose: string, options: { confirm?: boolean } = {}): Promise<string> {
  const fromEnv = process.env.REVIEWDESK_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const first = await promptHidden(`Passphrase for ${purpose}: `);
  if (options.confirm) {
    const second = await promptHidden('Repeat the passphrase: ');
    if (first !== second) throw new UsageError('the two passphrases differ');
  }
  if (first === '') throw new UsageError('an empty passphrase is not allowed');
  return first;
}

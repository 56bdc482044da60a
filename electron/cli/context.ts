// Parsed arguments of one command, and how it reports (human text or `--json`).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage';

export interface CommandContext {
  json: boolean;
  option(name: string): string | undefined;
  /** All values of a repeatable option. */
  options(name: string): string[];
  flag(name: string): boolean;
  requireOption(name: string): string;
  requirePositional(label: string): string;
  positionals: string[];
  report(json: Record<string, unknown>, lines: string[]): void;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export function parseCommand(args: string[], options: OptionSpec, write: (text: string) => void): CommandContext {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...options, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const json = values.json === true;
  const option = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  let next = 0;
  return {
    json,
    positionals: parsed.positionals,
    option,
    options: (name) => {
      const value = values[name];
      return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    },
    flag: (name) => values[name] === true,
    requireOption(name) {
      const value = option(name);
      if (value === undefined || value === '') throw new UsageError(`missing --${name}`);
      return value;
    },
    requirePositional(label) {
      const value = parsed.positionals[next++];
      if (value === undefined) throw new UsageError(`missing ${label}`);
      return value;
    },
    report(report, lines) {
      write(json ? `${JSON.stringify(report, null, 2)}\n` : `${lines.join('\n')}\n`);
    },
  };
}

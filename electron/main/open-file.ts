// Opening a .rdbundle or .rdscore with the app (file associations): which file, and which flow.
export type OpenFile = { kind: 'bundle' | 'scores'; path: string };

export function fileToOpen(argv: readonly string[]): OpenFile | null {
  for (const arg of [...argv].reverse()) {
    if (arg.startsWith('-')) continue;
    const lower = arg.toLowerCase();
    if (lower.endsWith('.rdbundle')) return { kind: 'bundle', path: arg };
    if (lower.endsWith('.rdscore')) return { kind: 'scores', path: arg };
  }
  return null;
}

// Where a workstation keeps its data when no --data is given: the platform's per-user app data folder.
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.REVIEWDESK_DATA) return env.REVIEWDESK_DATA;
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'ReviewDesk');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'ReviewDesk');
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'reviewdesk');
}

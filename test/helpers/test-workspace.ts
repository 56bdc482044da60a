// The API handlers over a workstation as a host creates them, for integration tests: no text
// search, and sources given as paths (labelled by `label`, the path itself by default).
import type { Workstation } from '../../electron/core/store/workstation';
import { createWorkspace, type Workspace } from '../../electron/core/workspace/api-handlers';

export function testWorkspace(workstation: Workstation, options: { host?: 'web' | 'electron'; label?: (file: string) => string } = {}): Workspace {
  return createWorkspace({
    workstation,
    info: { version: 'test', host: options.host ?? 'electron' },
    search: { query: () => [], status: () => ({ total: 0, done: 0, failed: 0, running: false }) },
    resolveSource: async (from) => {
      if (from.kind !== 'path') throw new Error('tests give sources as paths');
      return { file: from.path, label: options.label?.(from.path) ?? from.path };
    },
  });
}

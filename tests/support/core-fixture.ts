import { startCore, type DeskCore } from '../../electron/core/start-core.js';
import { makeTempDir } from './temp-dir.js';

/** A real desk core on a real SQLite file in a fresh folder. */
export function startTestCore(): DeskCore & { dataDir: string; dispose(): void } {
  const dir = makeTempDir('desk-core-');
  const core = startCore({ appName: 'Một cửa Hạ Long (test)', version: '0.0.0-test', dataDir: dir.path });
  return {
    ...core,
    dataDir: dir.path,
    dispose() {
      core.close();
      dir.remove();
    },
  };
}

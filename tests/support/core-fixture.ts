import { startCore, type DeskCore } from '../../electron/core/start-core.js';
import { makeTempDir } from './temp-dir.js';
import { RunningClock } from './test-now.js';

/** A real desk core on a real SQLite file in a fresh folder, its clock running from the tests' "now" (test-now.ts). */
export function startTestCore(): DeskCore & { dataDir: string; clock: RunningClock; dispose(): void } {
  const dir = makeTempDir('desk-core-');
  const clock = new RunningClock();
  const core = startCore({ appName: 'Một cửa Hạ Long (test)', version: '0.0.0-test', dataDir: dir.path }, { now: clock.now });
  return {
    ...core,
    dataDir: dir.path,
    clock,
    dispose() {
      core.close();
      dir.remove();
    },
  };
}

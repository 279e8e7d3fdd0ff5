import { useEffect } from 'react';
import { Icon } from '../../../ui/Icon.js';
import { useShellStore } from '../store/shell-store-context.js';
import { describeCore } from './describe-core.js';

/**
 * What the window says about the core's own process: the start-up rebuild's progress, a restart after a
 * crash (dismissable), or a core that stays down. An alert for the last two, a polite status for progress.
 */
export function CoreBanner() {
  const core = useShellStore((state) => state.core);
  const followCore = useShellStore((state) => state.followCore);
  const dismissCore = useShellStore((state) => state.dismissCore);
  useEffect(() => followCore(), [followCore]);
  if (core === null) return null;
  const progress = core.state === 'rebuilding';
  return (
    <div className={`core-banner core-banner--${core.state}`} role={progress ? 'status' : 'alert'} data-testid="core-banner">
      <Icon name={progress ? 'clock' : 'warning'} />
      <p className="core-banner__text">{describeCore(core)}</p>
      {progress && <progress className="core-banner__progress" max={Math.max(core.total, 1)} value={core.done} />}
      {core.state === 'restarted' && (
        <button type="button" className="core-banner__dismiss" onClick={dismissCore}>
          Đã hiểu
        </button>
      )}
    </div>
  );
}

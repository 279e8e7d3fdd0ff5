import { useEffect } from 'react';
import { Icon } from '../../../ui/Icon.js';
import { useDossierSyncStore } from '../store/sync-stores-context.js';
import { DOSSIER_SYNC_BADGES, describeDossierSync } from './labels.js';
import './sync.css';

/**
 * "Đã đồng bộ" / "Chờ gửi" / "Bị từ chối" for one dossier. It asks for its own state while on screen,
 * so a windowed list asks only for the rows it shows. Nothing is shown on a desk not enrolled with a
 * centre (every dossier would say "Chờ gửi" for ever) or before the first answer.
 */
export function DossierSyncBadge({ dossierId, large = false }: { dossierId: string; /** Beside the dossier page's status badge, not in a list row. */ large?: boolean }) {
  const watch = useDossierSyncStore((state) => state.watch);
  const enrolled = useDossierSyncStore((state) => state.enrolled);
  const info = useDossierSyncStore((state) => state.states[dossierId]);

  useEffect(() => watch(dossierId), [watch, dossierId]);

  if (!enrolled || !info) return null;
  const badge = DOSSIER_SYNC_BADGES[info.state];
  return (
    <span className={`sync-badge sync-badge--${info.state}${large ? ' sync-badge--large' : ''}`} title={describeDossierSync(info.state, info.waitingEvents)} data-testid="dossier-sync-badge" data-sync-state={info.state}>
      <Icon name={badge.icon} />
      {badge.label}
    </span>
  );
}

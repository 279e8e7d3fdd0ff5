import { useSessionStore } from '../store/session-store-context.js';
import './auth.css';

const ROLE_LABELS = { officer: 'Cán bộ tiếp nhận', supervisor: 'Cán bộ giám sát' } as const;

/** The signed-in officer in the header, with the two buttons that end or hide the session. */
export function OfficerBadge() {
  const officer = useSessionStore((state) => state.officer);
  const phase = useSessionStore((state) => state.phase);
  const lock = useSessionStore((state) => state.lock);
  const signOut = useSessionStore((state) => state.signOut);
  if (officer === null || phase !== 'signedIn') return null;
  return (
    <div className="officer-badge">
      <p className="officer-badge__who">
        <span className="officer-badge__label">{ROLE_LABELS[officer.role]}</span>
        <span className="officer-badge__name" data-testid="header-officer">
          {officer.fullName}
        </span>
      </p>
      <button type="button" className="button button--header" onClick={lock}>
        Khoá
      </button>
      <button type="button" className="button button--header" onClick={() => void signOut()}>
        Đăng xuất
      </button>
    </div>
  );
}

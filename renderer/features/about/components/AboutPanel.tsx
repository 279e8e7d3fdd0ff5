import { useEffect, type ReactNode } from 'react';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { formatDateTime } from '../../../ui/format-date.js';
import { useAboutStore } from '../store/about-store-context.js';
import { AboutFacts } from './AboutFacts.js';
import './about-panel.css';

/**
 * "Thông tin ứng dụng": what a support call asks first — version, data folder, device, database version;
 * `children` (the app's composition) adds the update facts below.
 */
export function AboutPanel({ children }: { children?: ReactNode }) {
  const info = useAboutStore((state) => state.info);
  const status = useAboutStore((state) => state.status);
  const error = useAboutStore((state) => state.error);
  const loadedAt = useAboutStore((state) => state.loadedAt);
  const reload = useAboutStore((state) => state.reload);

  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <section className="panel about-panel" aria-labelledby="about-title" aria-busy={status === 'loading'}>
      <div className="panel__header">
        <h2 id="about-title" className="panel__title">
          Thông tin ứng dụng
        </h2>
        <button type="button" className="button" onClick={() => void reload()}>
          Tải lại
        </button>
      </div>
      <p className="about-panel__freshness" role="status" data-testid="about-freshness">
        {status === 'loading' ? 'Đang tải…' : loadedAt ? `Cập nhật lúc ${formatDateTime(loadedAt)}` : ''}
      </p>
      {error && <ErrorNotice error={error} />}
      {info && <AboutFacts info={info} />}
      {children}
    </section>
  );
}

import { useEffect, useRef } from 'react';
import type { SatisfactionLevel } from '../../../../shared/contract/dossiers.js';
import { Icon, type IconName } from '../../../ui/Icon.js';
import { useHandbackStore } from '../store/handback-store-context.js';

const CHOICES: { level: SatisfactionLevel; key: string; label: string; face: IconName; tone: string }[] = [
  { level: 'very_satisfied', key: '1', label: 'Rất hài lòng', face: 'face-happy', tone: 'very' },
  { level: 'satisfied', key: '2', label: 'Hài lòng', face: 'face-neutral', tone: 'ok' },
  { level: 'not_satisfied', key: '3', label: 'Không hài lòng', face: 'face-sad', tone: 'not' },
];

/**
 * The citizen's turn: three large buttons they can press themselves (or keys 1/2/3 on the desk's
 * keyboard), and "Bỏ qua" when they decline — recorded as not rated, never guessed. "Không hài lòng"
 * first asks why (RatingReasonStep).
 */
export function RatingStep() {
  const rate = useHandbackStore((state) => state.rate);
  const askRatingReason = useHandbackStore((state) => state.askRatingReason);
  const busy = useHandbackStore((state) => state.busy);
  const firstRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    firstRef.current?.focus();
    const choose = (level: SatisfactionLevel): void => {
      if (level === 'not_satisfied') askRatingReason();
      else void rate(level);
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      const choice = CHOICES.find((c) => c.key === event.key);
      if (choice) {
        event.preventDefault();
        choose(choice.level);
      } else if (event.key === '0') {
        event.preventDefault();
        void rate('not_rated');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [rate, askRatingReason]);

  return (
    <section className="rating" aria-labelledby="rating-title">
      <h3 id="rating-title" className="rating__title">
        Mời Ông/Bà đánh giá mức độ hài lòng với việc giải quyết hồ sơ
      </h3>
      <div className="rating__choices">
        {CHOICES.map((choice, index) => (
          <button
            key={choice.level}
            ref={index === 0 ? firstRef : undefined}
            type="button"
            className={`rating__choice rating__choice--${choice.tone}`}
            onClick={() => (choice.level === 'not_satisfied' ? askRatingReason() : void rate(choice.level))}
            disabled={busy}
            aria-keyshortcuts={choice.key}
          >
            <Icon name={choice.face} size="4rem" className="rating__face" />
            <span className="rating__label">{choice.label}</span>
            <span className="rating__key" aria-hidden="true">
              Phím {choice.key}
            </span>
          </button>
        ))}
      </div>
      <button type="button" className="button button--secondary rating__skip" onClick={() => void rate('not_rated')} disabled={busy} aria-keyshortcuts="0">
        Bỏ qua (không đánh giá) — phím 0
      </button>
    </section>
  );
}

import { useEffect, useRef } from 'react';
import { RATING_REASON_MAX_LENGTH } from '../../../../shared/domain/dossier/events.js';
import { TextAreaField } from '../../../ui/Field.js';
import { Kbd } from '../../../ui/Kbd.js';
import { useHandbackStore } from '../store/handback-store-context.js';

/**
 * After "Không hài lòng": the citizen may say why, or not — the rating is recorded either way. Ctrl+Enter
 * records it, Esc goes back to the three choices (HandbackScreen's shortcuts).
 */
export function RatingReasonStep() {
  const reason = useHandbackStore((state) => state.ratingReason);
  const busy = useHandbackStore((state) => state.busy);
  const setRatingReason = useHandbackStore((state) => state.setRatingReason);
  const rateNotSatisfied = useHandbackStore((state) => state.rateNotSatisfied);
  const backToRating = useHandbackStore((state) => state.backToRating);
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => field.current?.focus(), []);

  return (
    <div className="panel handback__step">
      <h3 className="panel__title">Không hài lòng</h3>
      <TextAreaField
        id="handback-rating-reason"
        label="Lý do không hài lòng (không bắt buộc)"
        value={reason}
        onChange={setRatingReason}
        rows={3}
        maxLength={RATING_REASON_MAX_LENGTH}
        hint={`Ghi lời công dân, tối đa ${RATING_REASON_MAX_LENGTH} ký tự; có thể để trống.`}
        textAreaRef={field}
      />
      <div className="handback__buttons">
        <button type="button" className="button" onClick={() => void rateNotSatisfied()} disabled={busy}>
          {busy ? 'Đang lưu…' : 'Ghi nhận đánh giá'} <Kbd keys="Ctrl+Enter" />
        </button>
        <button type="button" className="button button--secondary" onClick={backToRating} disabled={busy}>
          Chọn lại mức đánh giá <Kbd keys="Esc" />
        </button>
      </div>
    </div>
  );
}

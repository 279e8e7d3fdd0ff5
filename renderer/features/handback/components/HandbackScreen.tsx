import { useEffect, useRef } from 'react';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { TextField } from '../../../ui/Field.js';
import { formatDateTime } from '../../../ui/format-date.js';
import { Kbd } from '../../../ui/Kbd.js';
import { useShortcut } from '../../../ui/use-shortcut.js';
import { useHandbackStore } from '../store/handback-store-context.js';
import { cccdWedgeHandlers } from '../../../ui/cccd-wedge.js';
import { RatingReasonStep } from './RatingReasonStep.js';
import { RatingStep } from './RatingStep.js';
import './handback.css';
import { Icon } from '../../../ui/Icon.js';

const RATING_TEXT = { very_satisfied: 'Rất hài lòng', satisfied: 'Hài lòng', not_satisfied: 'Không hài lòng', not_rated: 'Không đánh giá' } as const;

interface HandbackScreenProps {
  dossierId: string;
  onBack(): void;
  onFinished(): void;
}

/** "Trả kết quả": who collects, the officer's confirmation, then the citizen's rating. */
export function HandbackScreen({ dossierId, onBack, onFinished }: HandbackScreenProps) {
  const step = useHandbackStore((state) => state.step);
  const detail = useHandbackStore((state) => state.detail);
  const collector = useHandbackStore((state) => state.collector);
  const errors = useHandbackStore((state) => state.fieldErrors);
  const error = useHandbackStore((state) => state.error);
  const busy = useHandbackStore((state) => state.busy);
  const start = useHandbackStore((state) => state.start);
  const setCollector = useHandbackStore((state) => state.setCollector);
  const review = useHandbackStore((state) => state.review);
  const backToCollector = useHandbackStore((state) => state.backToCollector);
  const handBack = useHandbackStore((state) => state.handBack);
  const scanCollectorCard = useHandbackStore((state) => state.scanCollectorCard);
  const scanMessage = useHandbackStore((state) => state.scanMessage);
  const rateNotSatisfied = useHandbackStore((state) => state.rateNotSatisfied);
  const backToRating = useHandbackStore((state) => state.backToRating);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const doneButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void start(dossierId);
  }, [dossierId, start]);

  useEffect(() => {
    if (step === 'done') doneButton.current?.focus();
    else if (step === 'confirm') document.getElementById('handback-confirm')?.focus();
    else if (step === 'collector') document.querySelector<HTMLInputElement>('input[name="handback-collector"]:checked')?.focus();
  }, [step]);

  useShortcut(
    'confirm',
    () => {
      if (step === 'collector') review();
      else if (step === 'confirm') void handBack();
      else if (step === 'reason') void rateNotSatisfied();
    },
    step === 'collector' || step === 'confirm' || step === 'reason',
  );
  useShortcut(
    'back',
    () => {
      if (step === 'confirm') backToCollector();
      else if (step === 'reason') backToRating();
      else onBack();
    },
    step !== 'rating',
  );

  // A delegate's card is read like the applicant's at intake: the scanner types its QR line into the ID field.
  const wedge = cccdWedgeHandlers({ value: collector.idNumber, scan: scanCollectorCard });

  const s = detail?.state;
  const applicant = s?.applicant;
  const who = collector.kind === 'applicant' ? `${applicant?.fullName ?? ''} (người nộp hồ sơ)` : `${collector.fullName} (người nhận thay, CCCD ${collector.idNumber})`;

  return (
    <section className="handback" aria-labelledby="handback-title">
      <div className="screen-header">
        <h2 id="handback-title" className="screen-header__title">
          Trả kết quả
        </h2>
        {step !== 'rating' && step !== 'reason' && (
          <p className="screen-header__keys">
            <Kbd keys="Ctrl+Enter" /> tiếp tục · <Kbd keys="Esc" /> quay lại
          </p>
        )}
      </div>
      {s && step !== 'rating' && step !== 'reason' && (
        <dl className="handback__dossier">
          <div>
            <dt>Mã hồ sơ</dt>
            <dd data-testid="handback-code">{s.code}</dd>
          </div>
          <div>
            <dt>Thủ tục</dt>
            <dd>{s.procedure.name}</dd>
          </div>
          <div>
            <dt>Người nộp</dt>
            <dd>{s.applicant.fullName}</dd>
          </div>
          <div>
            <dt>Kết quả</dt>
            <dd>{s.resultSummary ?? '—'}</dd>
          </div>
        </dl>
      )}
      {step === 'loading' && <p role="status">Đang tải hồ sơ…</p>}
      {error && <ErrorNotice error={error} />}

      {step === 'collector' && (
        <div className="panel handback__step">
          <h3 ref={stepHeading} className="panel__title">
            Ai nhận kết quả?
          </h3>
          <fieldset className="fieldset handback__collector">
            <legend className="visually-hidden">Người nhận kết quả</legend>
            <label className="choice choice--block">
              <input type="radio" name="handback-collector" checked={collector.kind === 'applicant'} onChange={() => setCollector({ kind: 'applicant' })} />
              Người nộp hồ sơ: {applicant?.fullName}
              {applicant?.idNumber ? ` (CCCD ${applicant.idNumber})` : ''}
            </label>
            <label className="choice choice--block">
              <input type="radio" name="handback-collector" checked={collector.kind === 'authorised'} onChange={() => setCollector({ kind: 'authorised' })} />
              Người được uỷ quyền nhận thay
            </label>
          </fieldset>
          {collector.kind === 'authorised' && (
            <div className="field-row">
              {/* The ID first: a scan of the delegate's card fills both. */}
              <TextField
                id="handback-id"
                label="Số CCCD người nhận thay (12 số)"
                inputMode="numeric"
                value={collector.idNumber}
                onChange={(idNumber) => setCollector({ idNumber })}
                onKeyDown={wedge.onKeyDown}
                onPaste={wedge.onPaste}
                error={errors.idNumber}
                hint="Quét mã QR trên thẻ CCCD của người nhận thay: họ tên và số CCCD được điền tự động."
                required
                inputClassName="field__input--mono"
              />
              <TextField id="handback-name" label="Họ và tên người nhận thay" value={collector.fullName} onChange={(fullName) => setCollector({ fullName })} error={errors.fullName} required />
            </div>
          )}
          <p className="visually-hidden" role="status">
            {scanMessage ?? ''}
          </p>
          <div className="handback__buttons">
            <button type="button" className="button" onClick={() => review()}>
              Tiếp tục <Kbd keys="Ctrl+Enter" />
            </button>
            <button type="button" className="button button--secondary" onClick={onBack}>
              Quay lại hồ sơ <Kbd keys="Esc" />
            </button>
          </div>
        </div>
      )}

      {step === 'confirm' && (
        <div className="panel handback__step">
          <h3 className="panel__title">Xác nhận trả kết quả</h3>
          <p className="handback__confirm-text">
            Trả kết quả hồ sơ <strong>{s?.code}</strong> cho <strong data-testid="handback-who">{who}</strong>. Mời người nhận ký nhận vào sổ theo dõi.
          </p>
          <div className="handback__buttons">
            <button id="handback-confirm" type="button" className="button" onClick={() => void handBack()} disabled={busy}>
              {busy ? 'Đang lưu…' : 'Xác nhận đã trả kết quả'} <Kbd keys="Ctrl+Enter" />
            </button>
            <button type="button" className="button button--secondary" onClick={backToCollector}>
              Sửa người nhận <Kbd keys="Esc" />
            </button>
          </div>
        </div>
      )}

      {step === 'rating' && <RatingStep />}
      {step === 'reason' && <RatingReasonStep />}

      {step === 'done' && (
        <div className="panel handback__step" role="status">
          <h3 className="panel__title">
            <Icon name="check" /> Đã trả kết quả
          </h3>
          <p data-testid="handback-done">
            Hồ sơ {s?.code}: trả lúc {s?.handedBackAt ? formatDateTime(s.handedBackAt) : '—'}; đánh giá: {s?.rating ? RATING_TEXT[s.rating] : 'chưa có'}.
          </p>
          <button ref={doneButton} type="button" className="button" onClick={onFinished}>
            Về danh sách hồ sơ
          </button>
        </div>
      )}

      {step === 'unavailable' && (
        <div className="panel handback__step">
          <p>Hồ sơ này chưa có kết quả để trả, hoặc đã được trả và đánh giá.</p>
          <button type="button" className="button button--secondary" onClick={onBack}>
            Quay lại hồ sơ <Kbd keys="Esc" />
          </button>
        </div>
      )}
    </section>
  );
}

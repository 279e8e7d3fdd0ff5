import { useEffect, useRef, useState } from 'react';
import { Kbd } from '../../../ui/Kbd.js';
import { useShortcut } from '../../../ui/use-shortcut.js';
import { useIntakeStore } from '../store/intake-store-context.js';
import type { IntakeOutcome } from '../store/intake-store.js';
import { ApplicantSection } from './ApplicantSection.js';
import { AppointmentPanel } from './AppointmentPanel.js';
import { ChecklistSection } from './ChecklistSection.js';
import { DecisionPanel } from './DecisionPanel.js';
import { OwnerSection } from './OwnerSection.js';
import { ProcedureSection } from './ProcedureSection.js';
import './intake.css';

// Time moves while the citizen waits: past the lunch break or a 15:00 cut-off the appointment changes.
const APPOINTMENT_REFRESH_MS = 60_000;

interface IntakeScreenProps {
  onFinished(outcome: IntakeOutcome): void;
  onLeave(): void;
}

/** "Tiếp nhận hồ sơ": the whole intake, from the CCCD scan to the receipt, without the mouse. */
export function IntakeScreen({ onFinished, onLeave }: IntakeScreenProps) {
  const submit = useIntakeStore((state) => state.submit);
  const reset = useIntakeStore((state) => state.reset);
  const refreshAppointment = useIntakeStore((state) => state.refreshAppointment);
  const listProcedures = useIntakeStore((state) => state.listProcedures);
  const openDecision = useIntakeStore((state) => state.openDecision);
  const hasDraft = useIntakeStore((state) => state.draft.procedure !== null || state.draft.applicant.fullName !== '' || state.idInput !== '');
  const idRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const phoneRef = useRef<HTMLInputElement>(null);
  const pickerRef = useRef<HTMLInputElement>(null);
  const [confirmingClear, setConfirmingClear] = useState(false);

  useEffect(() => {
    idRef.current?.focus();
    void listProcedures('');
    void refreshAppointment();
    const timer = window.setInterval(() => void refreshAppointment(), APPOINTMENT_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refreshAppointment, listProcedures]);

  const send = async (): Promise<void> => {
    const outcome = await submit();
    if (outcome) onFinished(outcome);
    // After React has drawn the messages: focus goes to the first field that needs fixing.
    else window.setTimeout(() => document.querySelector<HTMLElement>('.intake [aria-invalid="true"]')?.focus(), 0);
  };
  useShortcut('confirm', () => void send());
  useShortcut('back', onLeave);
  // One key from "papers missing" to form 02, pre-filled with them; the officer then types the reason.
  useShortcut('requestSupplement', () => {
    openDecision('supplement');
    window.setTimeout(() => document.getElementById('intake-supplement-reason')?.focus(), 0);
  });

  const clear = (): void => {
    reset();
    setConfirmingClear(false);
    idRef.current?.focus();
  };

  return (
    <section className="intake" aria-labelledby="intake-title">
      <div className="screen-header">
        <h2 id="intake-title" className="screen-header__title">
          Tiếp nhận hồ sơ
        </h2>
        <p className="screen-header__keys">
          <Kbd keys="Ctrl+Enter" /> lưu · <Kbd keys="Esc" /> về danh sách (giữ bản nháp)
        </p>
      </div>
      <div className="intake__layout">
        <div className="intake__form">
          <ApplicantSection
            idRef={idRef}
            nameRef={nameRef}
            phoneRef={phoneRef}
            onIdDone={(how) => (how === 'scanned' ? phoneRef.current?.focus() : nameRef.current?.focus())}
          />
          <ProcedureSection
            pickerRef={pickerRef}
            // Next comes the checklist, drawn once React has rendered the chosen procedure's papers.
            onChosen={() => window.setTimeout(() => document.querySelector<HTMLElement>('.intake .checklist__check')?.focus(), 0)}
          />
          <ChecklistSection />
          <OwnerSection />
        </div>
        <aside className="intake__side" aria-label="Ngày hẹn và kết quả tiếp nhận">
          <AppointmentPanel />
          <DecisionPanel onSubmit={() => void send()} />
          <div className="intake__clear">
            {!confirmingClear ? (
              <button type="button" className="button button--secondary" onClick={() => setConfirmingClear(true)} disabled={!hasDraft}>
                Xoá để nhập hồ sơ mới
              </button>
            ) : (
              <div role="group" aria-label="Xác nhận xoá" className="intake__confirm">
                <p>Xoá toàn bộ thông tin đang nhập?</p>
                <button type="button" className="button button--danger" onClick={clear}>
                  Xoá
                </button>
                <button type="button" className="button button--secondary" onClick={() => setConfirmingClear(false)}>
                  Không
                </button>
              </div>
            )}
          </div>
        </aside>
      </div>
    </section>
  );
}

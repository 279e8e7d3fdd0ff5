import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { formatDateTime, formatWeekday } from '../../../ui/format-date.js';
import { Icon } from '../../../ui/Icon.js';
import { useIntakeStore } from '../store/intake-store-context.js';

/** The appointment the receipt will print, recomputed as the procedure and channel change. */
export function AppointmentPanel() {
  const appointment = useIntakeStore((state) => state.appointment);
  const hasProcedure = useIntakeStore((state) => state.draft.procedure !== null);
  const refresh = useIntakeStore((state) => state.refreshAppointment);
  return (
    <section className="appointment" aria-labelledby="appointment-title">
      <h3 id="appointment-title" className="appointment__title">
        Ngày hẹn trả kết quả
      </h3>
      <div role="status" aria-live="polite" data-testid="intake-appointment">
        {!hasProcedure && <p className="appointment__empty">Chọn thủ tục để tính ngày hẹn.</p>}
        {hasProcedure && appointment.appointmentAt && (
          <>
            <p className="appointment__when">{formatDateTime(appointment.appointmentAt)}</p>
            <p className="appointment__detail">
              {formatWeekday(appointment.appointmentAt)} · thời hạn: {appointment.limitText}
              {appointment.status === 'loading' ? ' · đang tính lại…' : ''}
            </p>
            {appointment.calendarNote && (
              <p className="appointment__calendar-note" data-testid="intake-calendar-note">
                <Icon name="warning" /> {appointment.calendarNote}
              </p>
            )}
          </>
        )}
        {hasProcedure && !appointment.appointmentAt && appointment.status === 'loading' && <p className="appointment__empty">Đang tính…</p>}
      </div>
      {appointment.error && <ErrorNotice error={appointment.error} context="Không tính được ngày hẹn." onRetry={() => void refresh()} />}
    </section>
  );
}

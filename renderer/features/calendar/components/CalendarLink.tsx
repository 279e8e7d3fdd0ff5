import './calendar.css';

/**
 * Where a supervisor finds the working calendar: among the desk's settings, since the main menu has no
 * room left on one line at 1366×768 (tests/browser/desk-fit.spec.ts). The missing-year notice links
 * to it too.
 */
export function CalendarLink() {
  return (
    <section className="panel calendar-link" aria-labelledby="calendar-link-title">
      <h2 id="calendar-link-title" className="calendar-days__title">
        Lịch làm việc
      </h2>
      <p>
        Ngày nghỉ lễ, Tết và ngày làm bù dùng để tính ngày hẹn trả kết quả. <a href="#/lich-lam-viec">Xem và sửa lịch làm việc</a>
      </p>
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import type { CommandErrorData } from '../../../../shared/contract/errors.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { SelectField, TextField } from '../../../ui/Field.js';
import { formatLocalDate, parseTypedDate } from '../../../ui/format-date.js';
import type { DayEdit, DayKind } from '../model/edit-year.js';

interface CalendarDayFormProps {
  year: number;
  /** The day being edited, or null to add one. */
  initial: DayEdit | null;
  saving: boolean;
  error: CommandErrorData | null;
  onSave(edit: DayEdit): Promise<boolean>;
  onRemove: (() => void) | null;
  onCancel(): void;
}

const KIND_OPTIONS = [
  { value: 'holiday', label: 'Ngày nghỉ' },
  { value: 'makeUp', label: 'Ngày làm bù (thứ Bảy, Chủ nhật đi làm)' },
] as const;

/** Adds a day off or a make-up working day to the year, or changes one, with the reason. */
export function CalendarDayForm({ year, initial, saving, error, onSave, onRemove, onCancel }: CalendarDayFormProps) {
  const [dateText, setDateText] = useState(initial ? formatLocalDate(initial.date) : '');
  const [kind, setKind] = useState<DayKind>(initial?.kind ?? 'holiday');
  const [name, setName] = useState(initial?.name ?? '');
  const [unconfirmed, setUnconfirmed] = useState(initial?.unconfirmed ?? false);
  const [problem, setProblem] = useState<{ date?: string; name?: string }>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const date = parseTypedDate(dateText);
    const found = {
      ...(date === null ? { date: 'Nhập ngày có thật, dạng ngày/tháng/năm.' } : date.startsWith(`${year}-`) ? {} : { date: `Ngày phải thuộc năm ${year}.` }),
      ...(name.trim() === '' ? { name: 'Nhập lý do (tên ngày lễ, hoặc ngày được làm bù cho ngày nào).' } : {}),
    };
    setProblem(found);
    if (date === null || Object.keys(found).length > 0) return;
    if (await onSave({ date, kind, name, unconfirmed })) {
      setDateText('');
      setName('');
      setUnconfirmed(false);
      onCancel();
    }
  };

  return (
    <form className="panel calendar-day-form" onSubmit={(event) => void submit(event)} aria-labelledby="calendar-day-form-title" noValidate>
      <h3 id="calendar-day-form-title" className="calendar-days__title">
        {initial ? `Sửa ngày ${formatLocalDate(initial.date)}` : 'Thêm một ngày nghỉ hoặc ngày làm bù'}
      </h3>
      <div className="calendar-day-form__fields">
        <TextField id="calendar-day-date" label="Ngày" value={dateText} onChange={setDateText} placeholder="dd/mm/yyyy" error={problem.date} required disabled={initial !== null} />
        <SelectField id="calendar-day-kind" label="Loại" value={kind} onChange={setKind} options={KIND_OPTIONS} />
        <TextField id="calendar-day-name" label="Lý do" value={name} onChange={setName} maxLength={200} error={problem.name} required />
      </div>
      <label className="calendar-day-form__check">
        <input type="checkbox" checked={unconfirmed} onChange={(event) => setUnconfirmed(event.target.checked)} /> Cần kiểm tra (chưa có thông báo chính thức)
      </label>
      {error && <ErrorNotice error={error} context="Không lưu được lịch." />}
      <div className="calendar-day-form__actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Đang lưu…' : 'Lưu tại máy này'}
        </button>
        {onRemove && (
          <button type="button" className="button button--danger" onClick={onRemove} disabled={saving}>
            Xoá ngày này
          </button>
        )}
        {initial && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Huỷ
          </button>
        )}
      </div>
    </form>
  );
}

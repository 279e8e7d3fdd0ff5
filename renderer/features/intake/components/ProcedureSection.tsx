import type { Procedure } from '../../../../shared/contract/catalogue.js';
import type { Ref } from 'react';
import { TextField } from '../../../ui/Field.js';
import { useIntakeStore } from '../store/intake-store-context.js';
import type { Channel } from '../store/intake-draft.js';
import { ProcedurePicker } from './ProcedurePicker.js';

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  1: 'Trực tiếp',
  2: 'Trực tuyến',
  3: 'Bưu chính công ích (BCCI)',
};

/** The procedure, the channel and the number of sets: together they decide the appointment. */
export function ProcedureSection({ pickerRef, onChosen }: { pickerRef: Ref<HTMLInputElement>; onChosen(procedure: Procedure): void }) {
  const channel = useIntakeStore((state) => state.draft.channel);
  const sets = useIntakeStore((state) => state.draft.sets);
  const errors = useIntakeStore((state) => state.fieldErrors);
  const setChannel = useIntakeStore((state) => state.setChannel);
  const setSets = useIntakeStore((state) => state.setSets);
  return (
    <fieldset className="fieldset intake__section">
      <legend>Thủ tục</legend>
      <ProcedurePicker inputRef={pickerRef} onChosen={onChosen} />
      <div className="field-row">
        <fieldset className="fieldset fieldset--inline">
          <legend>Kênh tiếp nhận</legend>
          {([1, 2, 3] as const).map((value) => (
            <label key={value} className="choice">
              <input type="radio" name="intake-channel" checked={channel === value} onChange={() => setChannel(value)} />
              {value} — {CHANNEL_LABELS[value]}
            </label>
          ))}
        </fieldset>
        <TextField id="intake-sets" label="Số bộ hồ sơ" type="number" min={1} max={99} value={sets} onChange={setSets} error={errors.sets} />
      </div>
    </fieldset>
  );
}

import { useLayoutEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { Procedure } from '../../../../shared/contract/catalogue.js';
import { ErrorNotice } from '../../../ui/ErrorNotice.js';
import { describedBy } from '../../../ui/Field.js';
import { useIntakeStore } from '../store/intake-store-context.js';
import { describeProcedureLimit } from './describe-limit.js';
import { Icon } from '../../../ui/Icon.js';

const LIST_ID = 'intake-procedure-list';
const optionId = (index: number): string => `intake-procedure-option-${index}`;

/**
 * Type-ahead for the procedure (ARIA combobox): the core matches every typed word without diacritics,
 * arrows move through the list, Enter chooses, Esc closes it.
 */
export function ProcedurePicker({ inputRef, onChosen }: { inputRef?: Ref<HTMLInputElement>; onChosen(procedure: Procedure): void }) {
  const query = useIntakeStore((state) => state.procedureQuery);
  const options = useIntakeStore((state) => state.procedureOptions);
  const sectorNames = useIntakeStore((state) => state.sectorNames);
  const optionsError = useIntakeStore((state) => state.procedureOptionsError);
  const chosen = useIntakeStore((state) => state.draft.procedure);
  const error = useIntakeStore((state) => state.fieldErrors.procedureId);
  const search = useIntakeStore((state) => state.searchProcedures);
  const list = useIntakeStore((state) => state.listProcedures);
  const choose = useIntakeStore((state) => state.chooseProcedure);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const pick = (procedure: Procedure): void => {
    choose(procedure);
    setOpen(false);
    onChosen(procedure);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) {
          setOpen(true);
          // With a procedure already chosen, ↓ offers the whole list without erasing its name.
          void list(query === chosen?.name ? '' : query);
        } else setActive((i) => Math.min(i + 1, options.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((i) => Math.max(i - 1, 0));
        break;
      case 'Enter': {
        if (event.ctrlKey || event.metaKey) return; // Ctrl+Enter submits the whole intake
        event.preventDefault();
        const option = options[active];
        if (open && option) pick(option);
        break;
      }
      case 'Escape':
        if (open) {
          event.preventDefault(); // closes the list only; the screen's own Esc (back) must not fire
          setOpen(false);
        }
        break;
      default:
        break;
    }
  };

  const hint = chosen ? `Đã chọn: ${chosen.code} — thời hạn ${describeProcedureLimit(chosen.limit)}` : 'Gõ vài chữ của tên thủ tục (không cần dấu), mũi tên để chọn, Enter để xác nhận.';
  const expanded = open && options.length > 0;
  const listRef = useRef<HTMLUListElement>(null);
  // The field sits low on the intake form: on a desk laptop (1366×768, 1280×720) the list would open
  // below the fold. The work area scrolls just enough to show the whole list, the field still above it.
  useLayoutEffect(() => {
    if (expanded) listRef.current?.scrollIntoView({ block: 'nearest' });
  }, [expanded, options.length]);
  return (
    <div className={`field combobox${error ? ' field--invalid' : ''}`}>
      <label className="field__label field__label--required" htmlFor="intake-procedure">
        Thủ tục hành chính
      </label>
      <input
        id="intake-procedure"
        ref={inputRef}
        className="field__input"
        type="text"
        role="combobox"
        autoComplete="off"
        value={query}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={LIST_ID}
        aria-activedescendant={expanded && options[active] ? optionId(active) : undefined}
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy('intake-procedure', { error, hint })}
        data-testid="intake-procedure"
        onChange={(event) => {
          setOpen(true);
          setActive(0);
          void search(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul ref={listRef} id={LIST_ID} role="listbox" aria-label="Thủ tục phù hợp" className="combobox__list" hidden={!expanded}>
        {expanded &&
          options.map((procedure, index) => (
            <li
              key={procedure.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'combobox__option combobox__option--active' : 'combobox__option'}
              // mousedown, not click: the input must not lose focus (and close the list) first.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(procedure);
              }}
            >
              <span className="combobox__name">{procedure.name}</span>
              <span className="combobox__meta">
                {procedure.code} · {sectorNames[procedure.sectorId] ?? procedure.sectorId} · {describeProcedureLimit(procedure.limit)}
              </span>
            </li>
          ))}
      </ul>
      <p id="intake-procedure-hint" className="field__hint">
        {hint}
      </p>
      {open && options.length === 0 && query.trim() !== '' && !optionsError && <p className="field__hint">Không có thủ tục nào khớp với “{query}”.</p>}
      {optionsError && <ErrorNotice error={optionsError} context="Không đọc được danh mục thủ tục." />}
      {error && (
        <p id="intake-procedure-error" className="field__error">
          <Icon name="cross" /> 
          {error}
        </p>
      )}
    </div>
  );
}

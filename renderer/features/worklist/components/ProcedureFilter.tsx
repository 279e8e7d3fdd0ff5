import { useState, type KeyboardEvent } from 'react';
import type { Procedure } from '../../../../shared/contract/catalogue.js';
import { startsWordsOf } from '../../../../shared/domain/text/search-key.js';
import { useWorklistStore } from '../store/worklist-store-context.js';

const LIST_ID = 'worklist-procedure-list';
const optionId = (index: number): string => `worklist-procedure-option-${index}`;

/**
 * The procedure filter (ARIA combobox). Free text finds people and numbers, not procedures, so this is
 * where an officer narrows the list to "khai sinh": a few letters without diacritics, ↓ ↑ to choose,
 * Enter to apply, Esc to close; emptying the field shows every procedure again.
 */
export function ProcedureFilter() {
  const procedures = useWorklistStore((state) => state.procedures);
  const procedureId = useWorklistStore((state) => state.filters.procedureId);
  const setFilters = useWorklistStore((state) => state.setFilters);
  // What is being typed; null while the field shows the chosen procedure.
  const [typed, setTyped] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const chosen = procedures.find((procedure) => procedure.id === procedureId) ?? null;
  const options = open ? procedures.filter((procedure) => startsWordsOf(`${procedure.name} ${procedure.code}`, typed ?? '')) : [];
  const expanded = open && options.length > 0;

  const choose = (procedure: Procedure | null): void => {
    setTyped(null);
    setOpen(false);
    if ((procedure?.id ?? '') !== procedureId) setFilters({ procedureId: procedure?.id ?? '' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(0);
        } else setActive((index) => Math.min(index + 1, options.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((index) => Math.max(index - 1, 0));
        break;
      case 'Enter':
        event.preventDefault();
        if (expanded && options[active]) choose(options[active]);
        else if ((typed ?? chosen?.name ?? '').trim() === '') choose(null);
        break;
      case 'Escape':
        if (open || typed !== null) {
          event.preventDefault(); // closes the list only; the screen's own Esc must not fire
          setOpen(false);
          setTyped(null);
        }
        break;
      default:
        break;
    }
  };

  return (
    <div className="field worklist-procedure">
      <label className="field__label" htmlFor="worklist-procedure">
        Thủ tục
      </label>
      <input
        id="worklist-procedure"
        className="field__input"
        type="text"
        role="combobox"
        autoComplete="off"
        placeholder="Tất cả — gõ vài chữ"
        value={typed ?? chosen?.name ?? ''}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={LIST_ID}
        aria-activedescendant={expanded && options[active] ? optionId(active) : undefined}
        aria-describedby="worklist-procedure-hint"
        data-testid="worklist-procedure"
        onChange={(event) => {
          setTyped(event.target.value);
          setOpen(true);
          setActive(0);
          if (event.target.value.trim() === '' && procedureId !== '') setFilters({ procedureId: '' });
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setTyped(null);
        }}
      />
      <p id="worklist-procedure-hint" className="visually-hidden">
        Gõ vài chữ của tên thủ tục (không cần dấu), mũi tên để chọn, Enter để lọc; xoá hết để xem mọi thủ tục.
      </p>
      <ul id={LIST_ID} role="listbox" aria-label="Thủ tục phù hợp" className="worklist-procedure__list" hidden={!expanded}>
        {expanded &&
          options.map((procedure, index) => (
            <li
              key={procedure.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'worklist-procedure__option worklist-procedure__option--active' : 'worklist-procedure__option'}
              // mousedown, not click: the input must not lose focus (and close the list) first.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(procedure);
              }}
            >
              {procedure.name}
            </li>
          ))}
      </ul>
    </div>
  );
}

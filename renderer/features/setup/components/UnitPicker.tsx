import { useMemo, type KeyboardEvent } from 'react';
import { describedBy } from '../../../ui/Field.js';
import { vietnamToday } from '../../../ui/format-date.js';
import { useSetupStore } from '../store/setup-store-context.js';
import { filterUnitChoices } from '../store/unit-choices.js';
import { Icon } from '../../../ui/Icon.js';

/** Searchable list of the catalogue's units (diacritics ignored), each with its validity. */
export function UnitPicker() {
  const units = useSetupStore((state) => state.units);
  const query = useSetupStore((state) => state.form.unitQuery);
  const chosen = useSetupStore((state) => state.form.unitGsoCode);
  const error = useSetupStore((state) => state.fieldErrors.unitGsoCode);
  const setField = useSetupStore((state) => state.setField);
  const chooseUnit = useSetupStore((state) => state.chooseUnit);
  const choices = useMemo(() => filterUnitChoices(units, query, vietnamToday()), [units, query]);
  const chosenChoice = useMemo(() => filterUnitChoices(units, '', vietnamToday()).find((c) => c.unit.gsoCode === chosen) ?? null, [units, chosen]);

  // Enter in the search box takes the first match: type "hong gai", Enter, and the unit is chosen.
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const first = choices[0];
    if (first) chooseUnit(first.unit.gsoCode);
  };

  return (
    <fieldset className="fieldset unit-picker" aria-describedby={describedBy('setup-unit', { error })}>
      <legend>Đơn vị (phường, xã) *</legend>
      <div className="field">
        <label className="field__label" htmlFor="setup-unit-query">
          Tìm đơn vị (gõ tên không dấu hoặc mã GSO, Enter để chọn đơn vị đầu tiên)
        </label>
        <input
          id="setup-unit-query"
          className="field__input"
          type="search"
          value={query}
          autoComplete="off"
          autoFocus
          onChange={(event) => setField('unitQuery', event.target.value)}
          onKeyDown={onSearchKeyDown}
          aria-controls="setup-unit-list"
        />
      </div>
      <p className="unit-picker__count" role="status">
        {choices.length} đơn vị phù hợp
      </p>
      <div id="setup-unit-list" className="unit-picker__list" role="radiogroup" aria-label="Danh sách đơn vị">
        {choices.map(({ unit, validToday, validityText }) => {
          const id = `setup-unit-${unit.gsoCode}`;
          return (
            <label key={unit.gsoCode} htmlFor={id} className={`unit-picker__item${chosen === unit.gsoCode ? ' unit-picker__item--chosen' : ''}`}>
              <input type="radio" id={id} name="setup-unit" value={unit.gsoCode} checked={chosen === unit.gsoCode} onChange={() => chooseUnit(unit.gsoCode)} />
              <span className="unit-picker__name">{unit.name}</span>
              <span className="unit-picker__meta">Mã GSO {unit.gsoCode}</span>
              <span className={validToday ? 'unit-picker__validity' : 'unit-picker__validity unit-picker__validity--ended'}>
                {!validToday && <Icon name="warning" /> }
                {validityText}
              </span>
            </label>
          );
        })}
      </div>
      {chosenChoice && !chosenChoice.validToday && (
        <p className="field__warnings" role="note">
          <Icon name="warning" />
          Theo danh mục, {chosenChoice.unit.name} đã hết hiệu lực. Vẫn chọn được cho đến khi trung tâm cập nhật danh mục đơn vị mới; mã hồ sơ
          dùng mã định danh nhập bên dưới.
        </p>
      )}
      {error && (
        <p id="setup-unit-error" className="field__error">
          <Icon name="cross" /> 
          {error}
        </p>
      )}
    </fieldset>
  );
}

import { useMemo, type KeyboardEvent } from 'react';
import { describedBy } from '../../../ui/Field.js';
import { formatLocalDate, vietnamToday } from '../../../ui/format-date.js';
import { Icon } from '../../../ui/Icon.js';
import { useSetupStore } from '../store/setup-store-context.js';
import { filterUnitChoices, successorNames, type UnitChoice } from '../store/unit-choices.js';

const KIND_LABEL = { ward: 'Phường', commune: 'Xã', 'special-zone': 'Đặc khu' } as const;

/**
 * Searchable list of the catalogue's units (diacritics ignored, by name or GSO code): today's units
 * first; former units after them, in a group of their own, only to back-enter their history.
 */
export function UnitPicker() {
  const units = useSetupStore((state) => state.units);
  const query = useSetupStore((state) => state.form.unitQuery);
  const chosen = useSetupStore((state) => state.form.unitId);
  const error = useSetupStore((state) => state.fieldErrors.unitGsoCode);
  const setField = useSetupStore((state) => state.setField);
  const chooseUnit = useSetupStore((state) => state.chooseUnit);
  const today = vietnamToday();
  const choices = useMemo(() => filterUnitChoices(units, query, today), [units, query, today]);
  const current = choices.filter((c) => !c.former);
  const former = choices.filter((c) => c.former);
  const chosenChoice = useMemo(() => filterUnitChoices(units, '', today).find((c) => c.unit.id === chosen) ?? null, [units, chosen, today]);

  // Enter in the search box takes the first match (a unit of today when one matches): type
  // "hong gai", Enter, and the unit is chosen.
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const first = choices[0];
    if (first) chooseUnit(first.unit.id);
  };

  const item = ({ unit, validToday, former: ended, validityText }: UnitChoice) => {
    const id = `setup-unit-${unit.id}`;
    return (
      <label key={unit.id} htmlFor={id} className={`unit-picker__item${chosen === unit.id ? ' unit-picker__item--chosen' : ''}`}>
        <input type="radio" id={id} name="setup-unit" value={unit.id} checked={chosen === unit.id} onChange={() => chooseUnit(unit.id)} />
        <span className="unit-picker__name">
          {unit.name}
          {ended && <span className="unit-picker__former"> — đơn vị cũ</span>}
        </span>
        <span className="unit-picker__meta">
          {KIND_LABEL[unit.kind]} · Mã GSO {unit.gsoCode}
        </span>
        <span className={validToday ? 'unit-picker__validity' : 'unit-picker__validity unit-picker__validity--ended'}>
          {!validToday && <Icon name="warning" />}
          {validityText}
        </span>
      </label>
    );
  };

  return (
    <fieldset className="fieldset unit-picker" aria-describedby={describedBy('setup-unit', { error })}>
      <legend>Đơn vị (phường, xã, đặc khu) *</legend>
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
        {current.length} đơn vị hiện nay, {former.length} đơn vị cũ phù hợp
      </p>
      <div id="setup-unit-list" className="unit-picker__list">
        <div role="radiogroup" aria-label="Đơn vị hiện nay">
          {current.map(item)}
        </div>
        {former.length > 0 && (
          <div role="radiogroup" aria-labelledby="setup-unit-former-title">
            <p id="setup-unit-former-title" className="unit-picker__group">
              Đơn vị cũ (đã sáp nhập) — chỉ chọn để nhập lại hồ sơ của thời gian trước khi sáp nhập
            </p>
            {former.map(item)}
          </div>
        )}
      </div>
      {chosenChoice?.former && chosenChoice.unit.validTo !== null && (
        <p className="field__warnings" role="note">
          <Icon name="warning" />
          {chosenChoice.unit.name} là đơn vị cũ, đã hết hiệu lực từ sau ngày {formatLocalDate(chosenChoice.unit.validTo)}. Chỉ chọn khi máy này dùng để nhập lại
          hồ sơ của thời gian đó
          {successorNames(chosenChoice.unit, units).length > 0 ? `; đơn vị hiện nay: ${successorNames(chosenChoice.unit, units).join(', ')}.` : '.'}
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

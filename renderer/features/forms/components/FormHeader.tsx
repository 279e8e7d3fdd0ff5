import { documentPlaceOf } from '../../../../shared/domain/catalogue/document-place.js';
import { agencyHeaderLines } from '../model/agency.js';
import { placeAndDate } from '../../../../shared/domain/calendar/written-date.js';

/**
 * The header every administrative form opens with: the issuing agency on the left, the national name
 * and motto on the right, then the place and date the form is signed.
 */
export function FormHeader({ unit, signedAt }: { unit: { gsoCode: string | null; name: string }; signedAt: string }) {
  const [parent, desk] = agencyHeaderLines(unit.name);
  return (
    <header className="form-header">
      <div>
        <p className="form-header__agency-parent">{parent}</p>
        <p className="form-header__agency-desk">{desk}</p>
        <hr className="form-header__rule" />
      </div>
      <div>
        <p className="form-header__nation-name">Cộng hòa xã hội chủ nghĩa Việt Nam</p>
        <p>
          <span className="form-header__motto">Độc lập - Tự do - Hạnh phúc</span>
        </p>
      </div>
      <p className="form-header__place-date">{placeAndDate(documentPlaceOf(unit), signedAt)}</p>
    </header>
  );
}

/** The form's name, in capitals, centred under the header. */
export function FormTitle({ children }: { children: string }) {
  return <h2 className="form-title">{children}</h2>;
}

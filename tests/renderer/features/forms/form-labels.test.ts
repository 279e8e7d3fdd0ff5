import { describe, expect, it } from 'vitest';
import { agencyHeaderLines, deskOf, peoplesCommitteeOf } from '../../../../renderer/features/forms/model/agency.js';
import {
  collectPlaceOf,
  documentFormLabel,
  isFormNumber,
  limitText,
  logBookReference,
} from '../../../../renderer/features/forms/model/form-labels.js';
import { lookupCentreOf, lookupUrlOf } from '../../../../renderer/features/forms/model/lookup-url.js';
import { parsePrintRoute, printRouteHash } from '../../../../renderer/features/forms/model/print-route.js';

describe('the agency block', () => {
  it('names the People’s Committee of the unit and the desk, in capitals with Vietnamese marks', () => {
    expect(agencyHeaderLines('Phường Hồng Gai')).toEqual(['UBND PHƯỜNG HỒNG GAI', 'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ']);
    expect(agencyHeaderLines('Xã Kỳ Thượng')[0]).toBe('UBND XÃ KỲ THƯỢNG');
  });

  it('names the desk and the committee in running text', () => {
    expect(deskOf('Phường Bãi Cháy')).toBe('Bộ phận tiếp nhận và trả kết quả UBND Phường Bãi Cháy');
    expect(peoplesCommitteeOf('Phường Bãi Cháy')).toBe('UBND Phường Bãi Cháy');
  });
});

describe('labels printed on the forms', () => {
  it('writes the statutory time limit', () => {
    expect(limitText({ kind: 'working_days', amount: 5 })).toBe('5 ngày làm việc');
    expect(limitText({ kind: 'calendar_days', amount: 30 })).toBe('30 ngày');
    expect(limitText({ kind: 'hours', amount: 4 })).toBe('4 giờ làm việc');
    expect(limitText({ kind: 'same_day', amount: 1 })).toBe('Trong ngày');
  });

  it('names how each paper was presented', () => {
    expect(documentFormLabel('original')).toBe('Bản chính');
    expect(documentFormLabel('certified_copy')).toBe('Bản sao chứng thực');
    expect(documentFormLabel('copy')).toBe('Bản sao');
  });

  it('sends a postal dossier’s result by post and the others to the desk', () => {
    expect(collectPlaceOf(3, 'Phường Hồng Gai')).toContain('bưu chính công ích');
    expect(collectPlaceOf(1, 'Phường Hồng Gai')).toBe('Bộ phận tiếp nhận và trả kết quả UBND Phường Hồng Gai');
    expect(collectPlaceOf(2, 'Phường Hồng Gai')).toBe('Bộ phận tiếp nhận và trả kết quả UBND Phường Hồng Gai');
  });

  it('takes the log-book volume (01 of the year of receipt, not a date) and serial from the dossier code', () => {
    expect(logBookReference('000.15.20.H49-261123-1001')).toEqual({ volume: '01/2026', serial: '1001' });
    expect(logBookReference('000.00.06.H56-231027-0361')).toEqual({ volume: '01/2023', serial: '0361' });
    expect(logBookReference('not a code')).toBeNull();
  });

  it('knows the six form numbers', () => {
    expect(['01', '02', '03', '04', '05', '06'].every(isFormNumber)).toBe(true);
    expect(isFormNumber('07')).toBe(false);
    expect(isFormNumber('1')).toBe(false);
  });
});

describe('the status-lookup address in the receipt’s QR code', () => {
  const enrolled = { state: 'idle', pendingEvents: 0, lastSuccessAt: null, lastError: null, revoked: false } as const;

  it('is the enrolled centre’s status page for the code, escaped', () => {
    expect(lookupUrlOf('000.15.20.H49-261123-1001', 'https://motcua.halong.gov.vn')).toBe('https://motcua.halong.gov.vn/tra-cuu/000.15.20.H49-261123-1001');
    expect(lookupUrlOf('A B/C', 'https://centre.example:8443/')).toBe('https://centre.example:8443/tra-cuu/A%20B%2FC');
  });

  it('needs a centre that will know the dossier: enrolled, not revoked, an address sync uses', () => {
    expect(lookupCentreOf({ ...enrolled, centreUrl: 'https://motcua.halong.gov.vn' })).toBe('https://motcua.halong.gov.vn');
    expect(lookupCentreOf({ ...enrolled, centreUrl: 'http://127.0.0.1:8787' })).toBe('http://127.0.0.1:8787');
    expect(lookupCentreOf({ ...enrolled, state: 'not_configured', centreUrl: null })).toBeNull();
    expect(lookupCentreOf({ ...enrolled, state: 'not_configured' })).toBeNull();
    expect(lookupCentreOf({ ...enrolled, centreUrl: 'https://motcua.halong.gov.vn', revoked: true })).toBeNull();
    expect(lookupCentreOf({ ...enrolled, centreUrl: 'http://motcua.halong.gov.vn' })).toBeNull();
  });
});

describe('the print route', () => {
  const id = '01KB2W4F0YQ8ZC8H6V3D5R7T9M';

  it('reads a dossier form and the log book with its range', () => {
    expect(parsePrintRoute(`#/in/01/${id}`)).toEqual({ form: '01', dossierId: id });
    expect(parsePrintRoute(`#/in/05/${id}/`)).toEqual({ form: '05', dossierId: id });
    expect(parsePrintRoute('#/in/06?from=2026-11-20&to=2026-11-23')).toEqual({ form: '06', from: '2026-11-20', to: '2026-11-23' });
    expect(parsePrintRoute('#/in/06')).toEqual({ form: '06' });
  });

  it('ignores other screens and unknown forms', () => {
    expect(parsePrintRoute('#/ho-so')).toBeNull();
    expect(parsePrintRoute(`#/in/07/${id}`)).toBeNull();
    expect(parsePrintRoute('')).toBeNull();
  });

  it('writes hashes that read back the same', () => {
    for (const route of [{ form: '02' as const, dossierId: id }, { form: '06' as const, from: '2026-11-01', to: '2026-11-30' }]) {
      expect(parsePrintRoute(printRouteHash(route))).toEqual(route);
    }
  });
});

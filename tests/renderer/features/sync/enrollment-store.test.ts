import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/contract/events.js';
import { createEnrollmentStore, suggestDeviceName } from '../../../../renderer/features/sync/store/enrollment-store.js';
import { sampleAppInfo } from '../../support/fake-backend.js';
import { createScriptedBackend, fail, ok } from '../../support/scripted-backend.js';

const ENROLLED: SyncStatus = { state: 'syncing', pendingEvents: 4, lastSuccessAt: null, lastError: null, centreUrl: 'http://127.0.0.1:8787', revoked: false };
const UNIT = { gsoCode: '06691', name: 'Phường Hồng Gai', agencyId: '000.15.20.H49' };
const CODE_REFUSED = 'Mã đăng ký không đúng, đã hết hạn hoặc đã được dùng. Hãy xin quản trị viên trung tâm cấp mã mới.';

function backend() {
  return createScriptedBackend({
    'app.info': () => ok(sampleAppInfo({ unit: UNIT, desk: { deviceId: 'd7f3c2a4-0000-4000-8000-000000000002', station: 2 } })),
    'sync.enroll': () => ok(ENROLLED),
  });
}

async function filledStore(b = backend()) {
  const store = createEnrollmentStore(b);
  await store.getState().loadDesk();
  store.getState().setField('centreUrl', 'http://127.0.0.1:8787');
  store.getState().setField('code', '7K3M-Q9RT-X2VD');
  return { store, backend: b };
}

describe('device name suggestion', () => {
  it('reads "<unit> – quầy <n>" and degrades gracefully', () => {
    expect(suggestDeviceName('Phường Hồng Gai', 2)).toBe('Phường Hồng Gai – quầy 2');
    expect(suggestDeviceName('Phường Hồng Gai', null)).toBe('Phường Hồng Gai');
    expect(suggestDeviceName(null, 3)).toBe('Quầy 3');
    expect(suggestDeviceName(null, null)).toBe('');
  });
});

describe('enrollment store', () => {
  it("suggests the desk's name and keeps the device id, until the officer types a name", async () => {
    const b = backend();
    const store = createEnrollmentStore(b);
    await store.getState().loadDesk();
    expect(store.getState().form.deviceName).toBe('Phường Hồng Gai – quầy 2');
    expect(store.getState().desk).toEqual({ deviceId: 'd7f3c2a4-0000-4000-8000-000000000002', unitName: 'Phường Hồng Gai', station: 2 });

    store.getState().setField('deviceName', 'Máy quầy hộ tịch');
    await store.getState().loadDesk();
    expect(store.getState().form.deviceName).toBe('Máy quầy hộ tịch');
  });

  it('names a malformed address next to its field and sends nothing', async () => {
    const { store, backend: b } = await filledStore();
    store.getState().setField('centreUrl', 'motcua.halong.gov.vn');
    expect(await store.getState().enroll()).toBeNull();
    expect(store.getState().fieldErrors.centreUrl).toBe('Địa chỉ máy chủ trung tâm phải bắt đầu bằng http:// hoặc https://.');
    expect(b.callsOf('sync.enroll')).toEqual([]);

    store.getState().setField('centreUrl', 'ftp://10.0.0.5/');
    store.getState().setField('code', 'ABC');
    await store.getState().enroll();
    expect(Object.keys(store.getState().fieldErrors).sort()).toEqual(['centreUrl', 'code']);
    expect(b.callsOf('sync.enroll')).toEqual([]);
  });

  it('puts a code the centre refused on the code field', async () => {
    const b = backend();
    b.script['sync.enroll'] = () => fail('invalid_argument', CODE_REFUSED);
    const { store } = await filledStore(b);
    expect(await store.getState().enroll()).toBeNull();
    expect(store.getState()).toMatchObject({ enrolling: false, fieldErrors: { code: CODE_REFUSED }, problem: null });
    // Typing a new code clears the old complaint.
    store.getState().setField('code', '9QXR-2MTV-K7DA');
    expect(store.getState().fieldErrors).toEqual({});
  });

  it('puts an unreachable centre on the address field', async () => {
    const b = backend();
    const unreachable = 'Không kết nối được máy chủ trung tâm tại http://127.0.0.1:8787. Hãy kiểm tra địa chỉ và đường mạng.';
    b.script['sync.enroll'] = () => fail('not_found', unreachable);
    const { store } = await filledStore(b);
    await store.getState().enroll();
    expect(store.getState().fieldErrors).toEqual({ centreUrl: unreachable });
  });

  it("splits the core's schema message back onto the fields", async () => {
    const b = backend();
    b.script['sync.enroll'] = () => fail('invalid_argument', 'Tham số không hợp lệ — deviceName: Tên máy không được để trống.');
    const { store } = await filledStore(b);
    await store.getState().enroll();
    expect(store.getState().fieldErrors).toEqual({ deviceName: 'Tên máy không được để trống.' });
  });

  it('shows anything else as a notice for the whole form', async () => {
    const b = backend();
    b.script['sync.enroll'] = () => fail('conflict', 'Địa chỉ này không phải máy chủ trung tâm (không có dịch vụ đăng ký).');
    const { store } = await filledStore(b);
    await store.getState().enroll();
    expect(store.getState()).toMatchObject({ fieldErrors: {}, problem: { code: 'conflict', message: 'Địa chỉ này không phải máy chủ trung tâm (không có dịch vụ đăng ký).' } });
  });

  it('sends the form and drops the spent code on success', async () => {
    const { store, backend: b } = await filledStore();
    expect(await store.getState().enroll()).toEqual(ENROLLED);
    expect(b.callsOf('sync.enroll')).toEqual([{ centreUrl: 'http://127.0.0.1:8787', code: '7K3M-Q9RT-X2VD', deviceName: 'Phường Hồng Gai – quầy 2' }]);
    expect(store.getState().form).toEqual({ centreUrl: 'http://127.0.0.1:8787', code: '', deviceName: 'Phường Hồng Gai – quầy 2' });
  });
});

describe('enrolling again', () => {
  it('offers the address the desk was enrolled with, without replacing one typed', () => {
    const store = createEnrollmentStore(backend());
    store.getState().suggestCentreUrl('http://10.0.0.5:8787');
    expect(store.getState().form.centreUrl).toBe('http://10.0.0.5:8787');
    store.getState().setField('centreUrl', 'https://motcua.halong.gov.vn');
    store.getState().suggestCentreUrl('http://10.0.0.5:8787');
    expect(store.getState().form.centreUrl).toBe('https://motcua.halong.gov.vn');
  });
});

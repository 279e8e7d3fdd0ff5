import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/contract/events.js';
import { CENTRE_URL_NOT_ENCRYPTED } from '../../../../shared/sync/centre-url.js';
import { createEnrollmentStore } from '../../../../renderer/features/sync/store/enrollment-store.js';
import { sampleAppInfo } from '../../support/fake-backend.js';
import { createScriptedBackend, ok } from '../../support/scripted-backend.js';

// The enrollment form checks the address with the contract's own schema before anything leaves the
// desk: a clear-text address to another machine is named on the address field, with the reason.

const ENROLLED: SyncStatus = { state: 'syncing', pendingEvents: 0, lastSuccessAt: null, lastError: null, centreUrl: 'https://trungtam.halong.gov.vn', revoked: false };

async function store() {
  const backend = createScriptedBackend({
    'app.info': () => ok(sampleAppInfo({ unit: { gsoCode: '06691', name: 'Phường Hồng Gai', agencyId: '000.15.20.H49' }, desk: { deviceId: 'd7f3c2a4-0000-4000-8000-000000000002', station: 2 } })),
    'sync.enroll': () => ok(ENROLLED),
  });
  const enrollment = createEnrollmentStore(backend);
  await enrollment.getState().loadDesk();
  enrollment.getState().setField('code', '7K3M-Q9RT-X2VD');
  return { enrollment, backend };
}

describe('enrollment over an unencrypted address', () => {
  it('names http:// to another machine on the address field and sends nothing', async () => {
    const { enrollment, backend } = await store();
    enrollment.getState().setField('centreUrl', 'http://10.0.0.5:8787');
    expect(await enrollment.getState().enroll()).toBeNull();
    expect(enrollment.getState().fieldErrors).toEqual({ centreUrl: CENTRE_URL_NOT_ENCRYPTED });
    expect(enrollment.getState().problem).toBeNull();
    expect(backend.callsOf('sync.enroll')).toEqual([]);
  });

  it('lets https:// and a centre on this machine through', async () => {
    const { enrollment, backend } = await store();
    enrollment.getState().setField('centreUrl', 'https://trungtam.halong.gov.vn');
    expect(await enrollment.getState().enroll()).toEqual(ENROLLED);
    enrollment.getState().setField('centreUrl', 'http://127.0.0.1:8787');
    enrollment.getState().setField('code', '7K3M-Q9RT-X2VD');
    await enrollment.getState().enroll();
    expect(backend.callsOf('sync.enroll').map((args) => (args as { centreUrl: string }).centreUrl)).toEqual(['https://trungtam.halong.gov.vn', 'http://127.0.0.1:8787']);
  });
});

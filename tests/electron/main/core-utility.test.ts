import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../../shared/contract/events.js';
import { SYNC_PATHS } from '../../../shared/sync/protocol.js';
import { CoreClient } from '../../../electron/core/process/core-client.js';
import type { CorePort } from '../../../electron/core/process/core-protocol.js';
import type { EventMessagePort } from '../../../electron/core/process/core-port-adapters.js';
import { serveUtilityCore } from '../../../electron/main/core-utility.js';
import { startTestCentre, type TestCentre } from '../../server/support/test-centre.js';
import { requiredPapers } from '../../support/required-papers.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { UNITS } from '../../sync/support/sync-desk.js';
import { net, resetFakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

// The core as Electron's utilityProcess runs it reaches the centre through Electron's net (the mocked
// module here: its fetch is Node's, its request a loopback stand-in), so the Windows proxy/PAC and
// certificate store apply in the app: enrollment and a sync go through net, none through Node's own.

/** Main's end (a utilityProcess: plain messages) and the core's (parentPort: `{ data }` events). */
function utilityPorts(): { main: CorePort; parentPort: EventMessagePort } {
  const toCore = new EventEmitter();
  const toMain = new EventEmitter();
  const deliver = (to: EventEmitter, event: unknown) => setImmediate(() => to.emit('message', event));
  return {
    main: { postMessage: (message) => deliver(toCore, { data: structuredClone(message) }), on: (event, listener) => toMain.on(event, listener) },
    parentPort: { postMessage: (message) => deliver(toMain, structuredClone(message)), on: (event, listener) => toCore.on(event, listener) },
  };
}

let centre: TestCentre;
const dir = makeTempDir('desk-utility-');

beforeAll(async () => {
  resetFakeElectron();
  centre = await startTestCentre();
});
afterAll(async () => {
  await centre.close();
  dir.remove();
});

describe("the core in Electron's utilityProcess", { timeout: 60_000 }, () => {
  it("enrolls and syncs through Electron's net", async () => {
    const { main, parentPort } = utilityPorts();
    serveUtilityCore(parentPort, ['electron', 'core-entry.js']);
    const client = new CoreClient(main);
    await client.start({ appName: 'Một cửa Hạ Long', version: '0.0.0-test', dataDir: dir.path });
    const call = async (name: string, args: unknown): Promise<unknown> => {
      const envelope = await client.invoke(name, args);
      if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.value;
    };
    await call('setup.initialise', {
      ...UNITS.hongGai,
      station: 3,
      supervisor: { username: 'giamsat', fullName: 'Trần Văn Giám Sát', password: 'mat-khau-thu-nghiem' },
    });
    const code = ((await centre.request('POST', SYNC_PATHS.adminEnrollmentCodes, { token: centre.adminToken, body: { unitGsoCode: '06691', station: 3 } })).body as { code: string }).code;
    await call('sync.enroll', { centreUrl: centre.url, code, deviceName: 'Quầy thử nghiệm utilityProcess' });
    await call('dossiers.receive', {
      procedureId: 'cu-tru.dang-ky-thuong-tru',
      channel: 1,
      applicant: { fullName: 'Nguyễn Văn Thử', idNumber: '022190000003' },
      documents: requiredPapers('cu-tru.dang-ky-thuong-tru'),
    });
    expect(await call('sync.now', { wait: true })).toMatchObject({ pendingEvents: 0, lastError: null } satisfies Partial<SyncStatus>);

    const reached = net.fetch.mock.calls.map(([input]) => String(input instanceof Request ? input.url : input));
    expect(reached.some((url) => url.startsWith(`${centre.url}${SYNC_PATHS.enroll}`))).toBe(true);
    expect(reached.filter((url) => url.startsWith(centre.url)).length).toBeGreaterThanOrEqual(2);
    expect(await client.close(5_000)).toBe(true);
  });
});

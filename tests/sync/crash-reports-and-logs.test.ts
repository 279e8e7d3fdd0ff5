import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Envelope } from '../../shared/contract/envelope.js';
import { CoreSupervisor } from '../../electron/core/process/core-supervisor.js';
import { FileSecretStore } from '../../electron/core/secrets/file-secret-store.js';
import { SYNC_PATHS } from '../../shared/sync/protocol.js';
import { forkCoreChild } from '../support/core-child.js';
import { requiredPapers } from '../support/required-papers.js';
import { makeTempDir } from '../support/temp-dir.js';
import { ADMIN, prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { UNITS } from './support/sync-desk.js';

// A desk (its core in its own process, as in the app) receives dossiers, crashes, and syncs with a real
// centre on loopback that writes its logs to files (--log-files). The crash reports and the desk's status
// reach the centre and its fleet page ("Máy trạm"); and no log file either side wrote during the run —
// the desk's logs/, the centre's logs/ — holds any fabricated ID number, name, QR line or token.

// Fabricated citizens: no such people or cards.
const CITIZENS = [
  { fullName: 'Phạm Thị Nhật Ký', idNumber: '022187654321' },
  { fullName: 'Đỗ Văn Sự Cố', idNumber: '022190112233' },
];
const QR_LINE = `${CITIZENS[0]!.idNumber}|123456789|${CITIZENS[0]!.fullName}|05061987|Nữ|Tổ 3, Khu 5, Bạch Đằng, Hạ Long|12082021`;
const SUPERVISOR = { username: 'giamsat', fullName: 'Trần Văn Giám Sát', password: 'mat-khau-thu-nghiem' };

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('crash reports reach the centre, and logs hold no personal data', () => {
  let centre: CentreProcess;
  let core: CoreSupervisor;
  const deskDir = makeTempDir('crash-desk-');
  const centreDir = makeTempDir('crash-centre-');
  let deskToken = '';
  let deviceId = '';
  let staffToken = '';
  cleanups.push(() => deskDir.remove(), () => centreDir.remove());

  const call = async (name: string, args: unknown): Promise<unknown> => {
    const envelope: Envelope<unknown> = await core.invoke(name, args);
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.value;
  };

  beforeAll(async () => {
    const [code, olderCode, silentCode] = await prepareCentre(centreDir.path, [
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 2 },
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 3 },
      { unitGsoCode: UNITS.haKhanh.unitGsoCode, station: 1 },
    ]);
    centre = await startCentre({ dataDir: centreDir.path, extraArgs: ['--log-files'] });
    cleanups.push(() => centre.stop());
    core = new CoreSupervisor({ identity: { appName: 'crash-test', version: '1.4.0', dataDir: deskDir.path }, spawn: () => forkCoreChild(0) });
    await core.start();
    cleanups.push(async () => void (await core.close(5000)));

    await call('setup.initialise', { ...UNITS.hongGai, station: 2, supervisor: SUPERVISOR });
    for (const applicant of CITIZENS) {
      await call('dossiers.receive', { procedureId: 'cu-tru.dang-ky-thuong-tru', channel: 1, applicant, documents: requiredPapers('cu-tru.dang-ky-thuong-tru') });
    }
    const enrolled = (await call('sync.enroll', { centreUrl: centre.url, code, deviceName: 'Quầy 2 Hồng Gai' })) as { state: string };
    expect(enrolled.state).not.toBe('error');
    deviceId = ((await call('app.info', {})) as { desk: { deviceId: string } }).desk.deviceId;
    deskToken = (await new FileSecretStore(deskDir.path).get('centre.token'))!;

    // A screen that threw with a citizen's QR line in its message (an error quoting what it should not),
    // then the core process killed (main files `core_exit` when the supervisor restarts it).
    await call('app.recordCrash', { kind: 'render_error', where: 'intake', message: `Cannot parse ${QR_LINE}`, stack: `Error: Cannot parse ${QR_LINE}\n    at IntakeScreen (app://desk/assets/index.js:1:200)` });
    const restarted = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        void core.invoke('app.info', {}).then((envelope) => {
          if (envelope.ok) {
            clearInterval(check);
            resolve();
          }
        });
      }, 100);
    });
    (core as unknown as { current: { handle: { kill(): void } } }).current.handle.kill();
    await restarted;
    await call('app.recordCrash', { kind: 'core_exit', where: 'core', message: 'the desk core process ended unexpectedly and was restarted' });
    await call('auth.signIn', { username: SUPERVISOR.username, password: SUPERVISOR.password });
    await call('sync.now', { wait: true });

    // Two more desks: one on an older version (it reports once), one enrolled that never syncs.
    const enroll = async (enrollCode: string, deviceId: string): Promise<string> => {
      const answer = await fetch(`${centre.url}${SYNC_PATHS.enroll}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: enrollCode, deviceName: deviceId, deviceId }) });
      return ((await answer.json()) as { token: string }).token;
    };
    const olderToken = await enroll(olderCode!, 'desk-older');
    await enroll(silentCode!, 'desk-silent');
    const reported = await fetch(`${centre.url}${SYNC_PATHS.deviceStatus}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${olderToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ appVersion: '1.3.2', deskClock: new Date(Date.now() + 200_000).toISOString(), eventsWaiting: 7, scansWaiting: 2, lastError: 'Không kết nối được trung tâm.', crashes: [] }),
    });
    expect(reported.status).toBe(200);

    const session = await fetch(`${centre.url}${SYNC_PATHS.staffSession}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    staffToken = ((await session.json()) as { token: string }).token;
  });

  it("lists the desk on the fleet view with its version, queues, clock and both crash reports — the QR line redacted", async () => {
    const response = await fetch(`${centre.url}/v1/dashboard/fleet`, { headers: { authorization: `Bearer ${staffToken}` } });
    expect(response.status).toBe(200);
    const view = (await response.json()) as { desks: Record<string, unknown>[]; crashes: Record<string, unknown>[]; newestVersion: string };
    expect(view.newestVersion).toBe('1.4.0');
    const desk = view.desks.find((d) => d.deviceId === deviceId)!;
    expect(desk).toMatchObject({ appVersion: '1.4.0', eventsWaiting: 0, scansWaiting: 0, crashCount: 2, stale: false, outdated: false, station: 2 });
    expect(Math.abs(desk.clockOffsetMs as number)).toBeLessThan(5000);
    expect(view.crashes.map((c) => c.kind).sort()).toEqual(['core_exit', 'render_error']);
    // The older desk is outdated, with its queues, error and a clock 200 s fast; the silent one is stale.
    const older = view.desks.find((d) => d.deviceId === 'desk-older')!;
    expect(older).toMatchObject({ appVersion: '1.3.2', outdated: true, stale: false, eventsWaiting: 7, scansWaiting: 2, lastError: 'Không kết nối được trung tâm.' });
    expect(older.clockOffsetMs as number).toBeGreaterThan(190_000);
    expect(view.desks.find((d) => d.deviceId === 'desk-silent')).toMatchObject({ appVersion: null, stale: true, outdated: false });
    const text = JSON.stringify(view);
    for (const secret of [CITIZENS[0]!.idNumber, CITIZENS[0]!.fullName, '123456789']) expect(text).not.toContain(secret);
    expect(text).toContain('Cannot parse');
    // Sent reports leave the desk's queue.
    const again = (await call('app.recordCrash', { kind: 'main_error', where: 'main', message: 'probe' })) as { waiting: number };
    expect(again.waiting).toBe(1);
  });

  it('shows the desk on the page "Máy trạm" for signed-in staff, and filters by unit; the Excel twin lists it', async () => {
    const cookie = { cookie: `motcua_dashboard=${staffToken}` };
    const page = await fetch(`${centre.url}/dashboard/may-tram`, { headers: cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Máy trạm');
    expect(html).toContain('Quầy 2 Hồng Gai');
    expect(html).toContain('1.4.0');
    expect(html).toContain('render_error');
    expect(html).toMatch(/<tr data-device="desk-older" class="row--outdated">/u);
    expect(html).toMatch(/<tr data-device="desk-silent" class="row--bad">/u);
    expect(html).toContain('nhanh 3 phút');
    const otherUnit = await (await fetch(`${centre.url}/dashboard/may-tram?unit=${UNITS.haKhanh.unitGsoCode}`, { headers: cookie })).text();
    expect(otherUnit).not.toContain('Quầy 2 Hồng Gai');
    expect(otherUnit).toContain('desk-silent');
    expect((await fetch(`${centre.url}/dashboard/may-tram`, { redirect: 'manual' })).status).toBe(303);
    const xlsx = await fetch(`${centre.url}/v1/dashboard/export/fleet.xlsx`, { headers: { authorization: `Bearer ${staffToken}` } });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const cells = JSON.stringify(book.getWorksheet('Máy trạm')!.getSheetValues());
    expect(cells).toContain('Quầy 2 Hồng Gai');
  });

  it('refuses a status that breaks its bounds, and leaves the stored one unchanged', async () => {
    const token = deskToken;
    const tooMany = Array.from({ length: 11 }, (_, i) => ({
      id: `01JD${String(i).padStart(22, '0')}`,
      occurredAt: '2026-11-25T03:00:00.000Z',
      kind: 'main_error',
      where: 'main',
      message: 'x',
      appVersion: '9.9.9',
      os: 'linux',
    }));
    const refused = await fetch(`${centre.url}${SYNC_PATHS.deviceStatus}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ appVersion: '9.9.9', deskClock: '2026-11-25T03:00:00.000Z', eventsWaiting: 0, scansWaiting: 0, lastError: null, crashes: tooMany }),
    });
    expect(refused.status).toBe(400);
    const view = (await (await fetch(`${centre.url}/v1/dashboard/fleet`, { headers: { authorization: `Bearer ${staffToken}` } })).json()) as { newestVersion: string };
    expect(view.newestVersion).toBe('1.4.0');
  });

  it('wrote log files on both sides, and none of them holds an ID number, a name, a QR line or a token', async () => {
    await core.close(5000);
    await centre.stop();
    const deskLogs = filesUnder(join(deskDir.path, 'logs'));
    const centreLogs = filesUnder(join(centreDir.path, 'logs'));
    expect(deskLogs.map((path) => path.replace(/^.*\//u, ''))).toContain('core.log');
    expect(centreLogs.length).toBeGreaterThan(0);
    const desk = deskLogs.map((path) => readFileSync(path, 'utf8')).join('\n');
    const centreText = centreLogs.map((path) => readFileSync(path, 'utf8')).join('\n');
    expect(desk).toContain('desk core 1.4.0 starting');
    expect(centreText).toContain('"statusCode":200');
    const token = deskToken;
    for (const secret of [...CITIZENS.flatMap((c) => [c.fullName, c.idNumber]), QR_LINE, '123456789', token, staffToken, SUPERVISOR.password, ADMIN.password]) {
      expect(desk).not.toContain(secret);
      expect(centreText).not.toContain(secret);
    }
  });
});

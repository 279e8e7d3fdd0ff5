import type { FastifyInstance } from 'fastify';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createCentre } from '../../../server/centre-app.js';
import { centreLoggerOptions } from '../../../server/http/logging.js';
import { StaffService } from '../../../server/staff/staff-service.js';
import { SqliteStorage } from '../../../server/storage/sqlite-storage.js';
import type { CentreStorage } from '../../../server/storage/storage.js';
import { SYNC_PATHS, type EnrollResponse } from '../../../shared/sync/protocol.js';
import { makeTempDir } from '../../support/temp-dir.js';

// An in-process centre on a temp folder, listening on loopback, with its log lines captured.

export interface TestCentre {
  app: FastifyInstance;
  storage: CentreStorage;
  url: string;
  dataDir: string;
  logLines: string[];
  clock: { ms: number };
  adminToken: string;
  /** Issues a code (as the admin) and enrolls a device with it. */
  enroll(unitGsoCode: string, station: number, deviceId: string): Promise<EnrollResponse>;
  request(method: string, path: string, options?: { token?: string; body?: unknown }): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export const ADMIN = { username: 'quantri', password: 'mat-khau-quan-tri-trung-tam' };

/**
 * `at`: the centre's time from the start (epoch ms), so that the administrator's session is opened then
 * too; a test that moved the clock afterwards would find that session expired whenever the machine's
 * date lies before its instant.
 */
export async function startTestCentre(options: { lookupPerMinute?: number; at?: number } = {}): Promise<TestCentre> {
  const dir = makeTempDir('centre-app-');
  const storage = new SqliteStorage(join(dir.path, 'centre.sqlite'));
  const clock = { ms: options.at ?? Date.now() };
  const now = () => clock.ms;
  const logLines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  await new StaffService(storage, now).create({ ...ADMIN, role: 'admin' });
  const { app } = await createCentre({
    storage,
    blobDir: join(dir.path, 'blobs'),
    now,
    logger: centreLoggerOptions({ level: 'info', stream }),
    ...(options.lookupPerMinute === undefined ? {} : { lookupPerMinute: options.lookupPerMinute }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  const request = async (method: string, path: string, opts: { token?: string; body?: unknown } = {}) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(opts.token === undefined ? {} : { authorization: `Bearer ${opts.token}` }),
        ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  };

  const session = await request('POST', SYNC_PATHS.staffSession, { body: ADMIN });
  const adminToken = (session.body as { token: string }).token;

  return {
    app,
    storage,
    url,
    dataDir: dir.path,
    logLines,
    clock,
    adminToken,
    request,
    async enroll(unitGsoCode, station, deviceId) {
      const issued = await request('POST', SYNC_PATHS.adminEnrollmentCodes, { token: adminToken, body: { unitGsoCode, station } });
      const { code } = issued.body as { code: string };
      const enrolled = await request('POST', SYNC_PATHS.enroll, { body: { code, deviceName: `Quầy ${station}`, deviceId, unitGsoCode } });
      if (enrolled.status !== 200) throw new Error(`enroll failed: ${JSON.stringify(enrolled.body)}`);
      return enrolled.body as EnrollResponse;
    },
    async close() {
      await app.close();
      await storage.close();
      dir.remove();
    },
  };
}

import { join } from 'node:path';
import { enrollmentCodeRequestSchema, newStaffRequestSchema } from '../shared/sync/schemas.js';
import { backupCentre } from './backup/centre-backup.js';
import { restoreCentre } from './backup/centre-restore.js';
import { parseCentreArgs, type CentreArgs } from './cli-args.js';
import { createCentre } from './centre-app.js';
import { EnrollmentService } from './enrollment/enrollment-service.js';
import { CentreCatalogue } from './catalogue/centre-catalogue.js';
import { loadCentreTls } from './http/centre-tls.js';
import { centreLogFiles } from './http/log-files.js';
import { centreLoggerOptions } from './http/logging.js';
import { StaffService } from './staff/staff-service.js';
import type { CentreTestHooks } from './routes/deps.js';
import { openStorage } from './storage/open-storage.js';
import type { CentreStorage } from './storage/storage.js';
import { runUpdateCommand } from './updates/update-commands.js';
import { UpdateReleases } from './updates/update-releases.js';

// `npm run centre -- …`: serves the centre, or runs one administrative command and exits.

/** Loopback binds (the default 127.0.0.1) are for a proxy or a desk on the same machine. */
const isLoopbackBind = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);

/**
 * The kill test's hook (tests/sync/kills.test.ts): with CENTRE_TEST_DIE_AFTER_UPLOAD_WRITTEN=1 the centre
 * SIGKILLs itself when a scan upload's last byte is on disk, before the scan is recorded. Inert unless set.
 */
function testHooksFromEnvironment(): { testHooks?: CentreTestHooks } {
  if (process.env.CENTRE_TEST_DIE_AFTER_UPLOAD_WRITTEN !== '1') return {};
  return { testHooks: { uploadWritten: () => process.kill(process.pid, 'SIGKILL') } };
}

async function serve(args: CentreArgs, storage: CentreStorage): Promise<void> {
  const tls = args.tls === undefined ? undefined : loadCentreTls(args.tls);
  const { app } = await createCentre({
    storage,
    blobDir: join(args.dataDir, 'blobs'),
    updatesDir: join(args.dataDir, 'updates'),
    logger: centreLoggerOptions({ level: args.logLevel, ...(args.logFiles ? { stream: await centreLogFiles(args.dataDir) } : {}) }),
    ...(tls === undefined ? {} : { tls }),
    ...(args.trustProxy === undefined ? {} : { trustProxy: args.trustProxy }),
    ...testHooksFromEnvironment(),
  });
  const stop = async () => {
    await app.close();
    await storage.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await app.listen({ port: args.port, host: args.host });
  // One machine-readable line for scripts and tests that start the centre on port 0.
  const scheme = tls === undefined ? 'http' : 'https';
  const host = args.host.includes(':') ? `[${args.host}]` : args.host;
  console.log(JSON.stringify({ centre: 'listening', url: `${scheme}://${host}:${(app.server.address() as { port: number }).port}`, storage: storage.kind }));
  if (tls === undefined && args.trustProxy === undefined && !isLoopbackBind(args.host)) {
    // Desks refuse http:// to another machine; say so before someone wonders why none can enroll.
    console.error(
      `Cảnh báo: máy chủ trung tâm đang phục vụ HTTP không mã hoá trên ${args.host}. Các máy quầy chỉ gửi dữ liệu qua https:// — ` +
        'hãy dùng --tls-cert/--tls-key, hoặc đặt sau một proxy TLS và khai báo --trust-proxy.',
    );
  }
}

/** Backup and restore work on the files, beside (backup) or instead of (restore) a serving centre. */
async function runContinuity(args: CentreArgs): Promise<void> {
  if (args.command === 'backup') {
    if (args.to === undefined) throw new Error('--to <folder> is required (a disk other than the data folder’s)');
    const report = await backupCentre({ dataDir: args.dataDir, to: args.to, database: args.database, schema: args.schema, now: Date.now });
    console.log(JSON.stringify(report));
    console.error(`Đã sao lưu trung tâm vào ${report.folder} (${report.scans.copied} bản quét mới, ${report.ms} ms).`);
    return;
  }
  if (args.database !== undefined) throw new Error('restore is for SQLite; restore PostgreSQL with pg_restore, then run mark-restored (server/README.md)');
  if (args.from === undefined) throw new Error('--from <folder>/centre-<date> is required');
  const report = await restoreCentre({ dataDir: args.dataDir, from: args.from, now: Date.now });
  console.log(JSON.stringify(report));
  console.error(`Đã khôi phục trung tâm từ ${args.from}: ${report.events} sự kiện, ${report.blobs} bản quét được ghi nhận.`);
}

async function run(args: CentreArgs): Promise<void> {
  if (args.command === 'backup' || args.command === 'restore') return runContinuity(args);
  const storage = await openStorage(args);
  if (args.command === 'serve') return serve(args, storage);
  try {
    switch (args.command) {
      case 'create-admin': {
        const input = newStaffRequestSchema.parse({ username: args.username, password: args.password, role: 'admin' });
        const staff = await new StaffService(storage, Date.now).create(input);
        console.log(`Đã tạo quản trị viên "${staff.username}".`);
        break;
      }
      case 'enrollment-code': {
        const input = enrollmentCodeRequestSchema.parse({ unitGsoCode: args.unit, station: args.station, validHours: args.hours });
        const issued = await new EnrollmentService(storage, Date.now, new CentreCatalogue(storage)).issueCode({ ...input, createdBy: 'cli' });
        // The code alone on stdout (for scripts); what it is for on stderr (for the person).
        console.log(issued.code);
        console.error(`Mã đăng ký cho đơn vị ${issued.unitGsoCode}, quầy ${issued.station}; dùng một lần, hết hạn lúc ${issued.expiresAt}.`);
        break;
      }
      case 'revoke-device': {
        if (args.device === undefined) throw new Error('--device <id> is required');
        const revoked = await new EnrollmentService(storage, Date.now, new CentreCatalogue(storage)).revoke(args.device);
        if (!revoked) throw new Error(`No device ${args.device}`);
        console.log(`Đã thu hồi quyền đồng bộ của thiết bị ${args.device}.`);
        break;
      }
      case 'publish-update':
      case 'promote-update':
      case 'list-updates':
        await runUpdateCommand(args, new UpdateReleases(join(args.dataDir, 'updates'), Date.now));
        break;
      case 'mark-restored': {
        const epoch = await storage.markRestored();
        console.log(`Đã đánh dấu cơ sở dữ liệu là bản khôi phục (đến số thứ tự ${epoch.restoredThrough}); các máy quầy sẽ gửi lại phần trung tâm thiếu.`);
        break;
      }
      case 'list-devices': {
        for (const d of await storage.listDevices()) {
          console.log([d.id, d.unitGso, `quầy ${d.station}`, d.name, d.revokedAt === null ? 'đang hoạt động' : `thu hồi ${d.revokedAt}`].join('\t'));
        }
        break;
      }
    }
  } finally {
    await storage.close();
  }
}

// Argument and certificate problems end here too: one readable line on stderr, exit code 1, no stack trace.
Promise.resolve()
  .then(() => run(parseCentreArgs(process.argv.slice(2))))
  .catch((error: unknown) => {
    const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
    if (Array.isArray(issues)) console.error(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
    else console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });

import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { EnrollmentService } from '../../../server/enrollment/enrollment-service.js';
import { CentreCatalogue } from '../../../server/catalogue/centre-catalogue.js';
import { StaffService } from '../../../server/staff/staff-service.js';
import { openStorage } from '../../../server/storage/open-storage.js';
import { BUILT_ENTRY_EXEC_ARGV, builtEntry } from '../../support/entry-builds.js';
import { faketimeEnv, faketimeEnvAt, type FixedStart } from '../../support/faketime.js';
import { RunningClock } from '../../support/test-now.js';

// The centre as a real child process (`node` on its build, server/build.mjs), as in production: tests
// talk to it over loopback only, and can SIGKILL it at any moment and start it again on the same data.

const ROOT = resolve(import.meta.dirname, '../../..');

export const ADMIN = { username: 'quantri', password: 'mat-khau-quan-tri-trung-tam' } as const;

export interface CentreProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Lines the centre logged (JSON, from pino) — for the no-personal-data check. */
  logLines: string[];
  /** Settles when the process has ended, whatever ended it. */
  exited: Promise<void>;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** Where a test centre keeps its data: SQLite in its folder, or a PostgreSQL schema of its own. */
export interface CentreDatabase {
  database?: string;
  schema?: string;
}

/**
 * Creates the administrator and one-time enrollment codes directly in the centre's database, as of
 * `now` (the clock the centre will run on: a code issued by another clock could be already expired).
 */
export async function prepareCentre(
  dataDir: string,
  codes: { unitGsoCode: string; station: number }[],
  db: CentreDatabase = {},
  now: () => number = Date.now,
): Promise<string[]> {
  const storage = await openStorage({ dataDir, database: db.database, schema: db.schema });
  try {
    if ((await storage.staffByUsername(ADMIN.username)) === null) {
      await new StaffService(storage, now).create({ ...ADMIN, role: 'admin' });
    }
    const enrollment = new EnrollmentService(storage, now, new CentreCatalogue(storage));
    const issued: string[] = [];
    for (const code of codes) issued.push((await enrollment.issueCode({ ...code, createdBy: 'test' })).code);
    return issued;
  } finally {
    await storage.close();
  }
}

/** The centre's own HTTPS (`--tls-cert`, `--tls-key`): its url is then https://127.0.0.1:<port>. */
export interface CentreTlsFiles {
  certPath: string;
  keyPath: string;
}

/** A centre process's clock: a running test clock (shifted like the test's core), or a fixed start. */
export type CentreClock = RunningClock | FixedStart;

/** Options of a centre process; with `clock`, it runs on that clock's time (libfaketime), not the machine's. */
export interface CentreOptions extends CentreDatabase {
  dataDir: string;
  port?: number;
  extraArgs?: string[];
  tls?: CentreTlsFiles;
  clock?: CentreClock;
  env?: Record<string, string>;
}

export async function startCentre(options: CentreOptions): Promise<CentreProcess> {
  const args = [...BUILT_ENTRY_EXEC_ARGV, builtEntry('centre'), '--data-dir', options.dataDir, '--port', String(options.port ?? 0), '--log-level', 'info'];
  if (options.database !== undefined) args.push('--database', options.database);
  if (options.schema !== undefined) args.push('--schema', options.schema);
  if (options.tls !== undefined) args.push('--tls-cert', options.tls.certPath, '--tls-key', options.tls.keyPath);
  args.push(...(options.extraArgs ?? []));
  const clockEnv = options.clock === undefined ? {} : options.clock instanceof RunningClock ? faketimeEnv(options.clock) : faketimeEnvAt(options.clock);
  const env = { ...process.env, ...clockEnv, ...options.env };
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logLines: string[] = [];
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const lines = createInterface({ input: child.stdout! });

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      // A centre that missed its start-up deadline is not left running behind the failed test.
      child.kill('SIGKILL');
      reject(new Error(`centre did not start: ${stderr.join('')}`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`centre exited with ${code}: ${stderr.join('')}`));
    });
    lines.on('line', (line) => {
      logLines.push(line);
      if (line.includes('"centre":"listening"')) {
        clearTimeout(timer);
        resolveUrl((JSON.parse(line) as { url: string }).url);
      }
    });
  });
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  return {
    url,
    port: Number(new URL(url).port),
    child,
    logLines,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

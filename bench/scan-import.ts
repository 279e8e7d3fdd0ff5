// Importing scans: 200 fabricated PDFs of 2 MB each go through the real import path (the contract's
// `attachments.addFile`, as Electron's file dialog sends it: size and type checked, the file copied by
// the kernel into a temp file whose fsync runs while the copy is read back, its pages counted and
// SHA-256 hashed; rename, folder fsyncs, then the attachment event in SQLite with synchronous = FULL),
// one file at a time, as an officer attaches them (the product has no batch import: the inbox's
// several files become ONE attachment). Medians per file. Not a test: numbers only.
//   npm run bench:scans            (SCANS=50 npm run bench:scans for a quicker look)
//
// Ceilings, measured in the same run on the same files:
//   - SHA-256 of the bytes in memory (the CPU side of an import);
//   - disk copies: raw `copyFile` (lands in the page cache only), `copyFile` + fsync of the file, and
//     the DURABLE copy — `copyFile` + fsync of the file and of its folder.
// The target is ≥ 70% of the slower of SHA-256 and the durable copy. Why durable: the import's promise
// is that a scan the officer saw attached survives a power cut, so the least any import must do is a
// durable copy (the file's bytes and its directory entry on disk). A raw copyFile only measures the page
// cache (a memory copy); no import that keeps that promise can get near it — one fsync alone costs
// more here than the whole raw copy. All ceilings are printed, with the ratio to each, so the raw
// comparison stays visible. The ceilings do not include what the import must do on top of a durable
// copy: name the blob by a hash of the bytes actually stored, rename the complete temp file into place
// (a crash never leaves half a blob under its name) and only then commit the event: three flushes, each
// waiting for the one before, where the durable copy's file and folder fsyncs share one journal commit
// (ext4). The two "·" rows (the blob store alone, an SQLite commit alone) show where an import's time goes.
//
// The machine is shared (other work makes disk and CPU times jump by 2–5× from one second to the
// next), so the durable ceilings and the import are measured interleaved — file i's hash, copies and
// import one after another, their order rotating — and load hits all of them alike. The raw copy runs
// as its own phase before them: its dirty pages would otherwise be written back inside the others'
// fsyncs. The page cache is flushed (`sync`) between phases.
//
// The PDFs are valid one-page documents whose bulk is a 2 MB stream of random bytes (incompressible,
// like the JPEG data of a real colour scan), referenced from the catalogue so readers ignore it.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { copyFile, open, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import type { CommandName } from '../shared/contract/command-names.js';
import type { CommandArgs, CommandResult } from '../shared/contract/commands.js';
import Database from 'better-sqlite3';
import { BlobStore } from '../electron/core/blobs/blob-store.js';
import { dispatch } from '../electron/core/dispatch.js';
import { startCore } from '../electron/core/start-core.js';
import { fabricatedIdNumber, fabricatedName, seededRandom } from './support/fabricated-people.js';
import { summarise } from './support/stats.js';

const SCANS = Number(process.env.SCANS ?? 200);
const SCAN_BYTES = 2 * 1024 * 1024;
const SCANS_PER_DOSSIER = 4;
const TARGET = 0.7;
const root = resolve(import.meta.dirname, '.data', 'scan-import');
const MB = 1024 * 1024;

async function fabricatedScan(index: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595.28, 841.89]).drawText(`Ban quet gia lap so ${index + 1}`, { x: 72, y: 760, size: 16, font });
  const noise = pdf.context.stream(randomBytes(SCAN_BYTES - 2048));
  pdf.catalog.set(PDFName.of('DeskBenchNoise'), pdf.context.register(noise));
  return pdf.save({ useObjectStreams: false });
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncFolder(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function timed(paths: readonly string[], body: (path: string, index: number) => Promise<unknown>): Promise<{ samples: number[]; totalMs: number }> {
  const samples: number[] = [];
  const started = performance.now();
  for (const [index, path] of paths.entries()) {
    const t = performance.now();
    await body(path, index);
    samples.push(performance.now() - t);
  }
  return { samples, totalMs: performance.now() - started };
}

// Each phase starts with nothing dirty in the page cache, so no phase pays for the previous one's
// writeback (400 MB of fabricated scans, then 400 MB of copies).
function settleDisk(): void {
  if (process.platform !== 'win32') spawnSync('sync');
}

const mbPerSecond = (bytes: number, ms: number): number => bytes / MB / (ms / 1000);

interface Row {
  label: string;
  medianMbps: number;
  samples: number[];
}

function row(label: string, bytesEach: number, run: { samples: number[]; totalMs: number }): Row {
  const { median, p95 } = summarise(run.samples);
  const medianMbps = mbPerSecond(bytesEach, median);
  const overall = mbPerSecond(bytesEach * run.samples.length, run.totalMs);
  console.log(
    `${label.padEnd(34)} median ${median.toFixed(2).padStart(7)} ms/file  p95 ${p95.toFixed(2).padStart(7)} ms  ` +
      `→ ${medianMbps.toFixed(0).padStart(5)} MB/s (median)  ${overall.toFixed(0).padStart(5)} MB/s (whole run)`,
  );
  return { label, medianMbps, samples: run.samples };
}

async function main(): Promise<void> {
  rmSync(root, { recursive: true, force: true });
  const sources = join(root, 'scans');
  const copies = join(root, 'copies');
  const copiesNoSync = join(root, 'copies-no-fsync');
  const copiesDurable = join(root, 'copies-durable');
  for (const dir of [sources, copies, copiesNoSync, copiesDurable]) mkdirSync(dir, { recursive: true });

  console.log(`Fabricating ${SCANS} PDFs of ${SCAN_BYTES / MB} MB (random content) in ${sources} …`);
  const paths: string[] = [];
  for (let i = 0; i < SCANS; i += 1) {
    const path = join(sources, `scan-${String(i + 1).padStart(3, '0')}.pdf`);
    await writeFile(path, await fabricatedScan(i));
    paths.push(path);
  }
  const buffers = await Promise.all(paths.map((path) => readFile(path)));
  const bytesEach = buffers[0]!.length;

  // The desk: a fresh data folder, one officer, a dossier per four scans.
  const core = startCore({ appName: 'bench', version: '0', dataDir: join(root, 'desk') });
  const call = async <N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>> => {
    const envelope = await dispatch(core.handlers, name, args, { transport: 'in-process' });
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
    return envelope.value as CommandResult<N>;
  };
  await call('setup.initialise', { unitGsoCode: '06691', station: 1, agencyId: '000.15.20.H49', supervisor: { username: 'bench', fullName: 'Bench Supervisor', password: 'bench-password' } });
  const random = seededRandom(5);
  const dossierIds: string[] = [];
  for (let i = 0; i < Math.ceil(SCANS / SCANS_PER_DOSSIER); i += 1) {
    const detail = await call('dossiers.receive', {
      procedureId: 'ho-tich.dang-ky-khai-sinh',
      channel: 1,
      applicant: { fullName: fabricatedName(random), idNumber: fabricatedIdNumber(random, 1990), birthDate: null, sex: null, phone: null, email: null },
      documents: [{ itemId: 'to-khai', name: 'Tờ khai đăng ký khai sinh', form: 'original', count: 1 }],
    });
    dossierIds.push(detail.state.id);
  }

  // Warm-up (JIT, page cache, first folders), on other bytes than the measured ones.
  for (let i = 0; i < 3; i += 1) createHash('sha256').update(buffers[i]!).digest();
  const warm = join(root, 'warm.pdf');
  await writeFile(warm, await fabricatedScan(9999));
  await call('attachments.addFile', { dossierId: dossierIds[0]!, path: warm, kind: 'intake', checklistItemId: null });

  const copyTo = (dir: string, durable: boolean) => async (path: string, i: number) => {
    const target = join(dir, `${i}.pdf`);
    await copyFile(path, target);
    await syncFile(target);
    if (durable) await syncFolder(dir);
  };

  console.log(`\n${SCANS} scans of ${(bytesEach / MB).toFixed(2)} MB, one at a time (what an officer waits for):`);
  settleDisk();
  const copyPlain = row('copyFile (no fsync, page cache)', bytesEach, await timed(paths, (path, i) => copyFile(path, join(copiesNoSync, `${i}.pdf`))));
  settleDisk();

  // A second, bare blob store and a one-table database with the desk's durability settings.
  const probeStore = new BlobStore(join(root, 'probe-blobs'));
  await probeStore.open();
  const probeDb = new Database(join(root, 'probe.db'));
  probeDb.pragma('journal_mode = WAL');
  probeDb.pragma('synchronous = FULL');
  probeDb.exec('CREATE TABLE probe (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const probeInsert = probeDb.prepare<[number, string]>('INSERT INTO probe (id, body) VALUES (?, ?)');

  const steps: { label: string; body: (path: string, i: number) => Promise<unknown> }[] = [
    { label: 'SHA-256 in memory', body: async (_path, i) => createHash('sha256').update(buffers[i]!).digest() },
    { label: 'copyFile + fsync file', body: copyTo(copies, false) },
    { label: 'copyFile + fsync file and folder', body: copyTo(copiesDurable, true) },
    // Not ceilings: the import's two halves on their own, to show where its time goes.
    { label: '· blob store only (copyIn)', body: (path) => probeStore.copyIn(path, () => undefined) },
    { label: '· SQLite commit of one row (FULL)', body: async (_path, i) => void probeInsert.run(i, 'x'.repeat(400)) },
    {
      label: 'import (attachments.addFile)',
      body: (path, i) => call('attachments.addFile', { dossierId: dossierIds[Math.floor(i / SCANS_PER_DOSSIER)]!, path, kind: 'intake', checklistItemId: 'to-khai' }),
    },
  ];
  const runs = steps.map(() => ({ samples: [] as number[], totalMs: 0 }));
  for (const [i, path] of paths.entries()) {
    for (let k = 0; k < steps.length; k += 1) {
      const which = (i + k) % steps.length; // rotate the order, so no step always follows the same one
      const started = performance.now();
      await steps[which]!.body(path, i);
      const ms = performance.now() - started;
      runs[which]!.samples.push(ms);
      runs[which]!.totalMs += ms;
    }
  }
  const [sha, copySynced, copyDurable, , , imported] = steps.map((step, k) => row(step.label, bytesEach, runs[k]!)) as [Row, Row, Row, Row, Row, Row];
  probeDb.close();

  console.log('(· rows: parts of an import measured alone, not ceilings.)');
  console.log('\nImport throughput (median) as a share of each ceiling measured above:');
  for (const ceiling of [sha, copyPlain, copySynced, copyDurable]) {
    console.log(`  ${ceiling.label.padEnd(34)} ${((imported.medianMbps / ceiling.medianMbps) * 100).toFixed(0).padStart(4)}%`);
  }
  // The target: the slower of SHA-256 and the durable copy (see the header for why durable).
  const slower = sha.medianMbps < copyDurable.medianMbps ? sha : copyDurable;
  const ratio = imported.medianMbps / slower.medianMbps;
  console.log(
    `Target (≥ ${TARGET * 100}% of the slower of SHA-256 and the durable copy, here "${slower.label}"): ` +
      `${(ratio * 100).toFixed(0)}% ${ratio >= TARGET ? '✓ met' : '✗ not met'}`,
  );
  const rawSlower = sha.medianMbps < copyPlain.medianMbps ? sha : copyPlain;
  console.log(
    `For comparison, against the slower of SHA-256 and the raw copy ("${rawSlower.label}"): ${((imported.medianMbps / rawSlower.medianMbps) * 100).toFixed(0)}% ` +
      `— out of reach for a durable import: here a copy with its fsync takes ${summarise(copySynced.samples).median.toFixed(2)} ms per file, the raw copy ${summarise(copyPlain.samples).median.toFixed(2)} ms.`,
  );

  const blobs = await core.attachments.blobs.list();
  console.log(`Stored blobs: ${blobs.length} (${SCANS} scans + the warm-up, each stored once).`);
  core.close();
  rmSync(root, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

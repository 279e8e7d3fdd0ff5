import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommandError } from '../../../../shared/contract/errors.js';
import { BlobStore } from '../../../../electron/core/blobs/blob-store.js';
import { makeTempDir } from '../../../support/temp-dir.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function failure(run: () => Promise<unknown>): Promise<CommandError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof CommandError) return error;
    throw error;
  }
  throw new Error('expected a CommandError');
}

async function* chunks(count: number, size: number, seed: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < count; i += 1) yield new Uint8Array(size).fill((seed + i) % 256);
}

let dir: ReturnType<typeof makeTempDir>;
let root: string;
beforeEach(() => {
  dir = makeTempDir('desk-blobs-');
  root = join(dir.path, 'blobs');
});
afterEach(() => dir.remove());

const incomingFiles = (): string[] => (existsSync(join(root, '.incoming')) ? readdirSync(join(root, '.incoming')) : []);
const strayTemps = (dir: string): string[] =>
  !existsSync(dir) ? [] : readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? strayTemps(join(dir, e.name)) : e.name.endsWith('.part') ? [e.name] : []));

describe('content-addressed storage', () => {
  it('stores bytes under ab/cd/<sha256> and gives them back', async () => {
    const store = new BlobStore(root);
    const bytes = randomBytes(300_000);
    const stored = await store.putBytes(bytes);
    expect(stored).toEqual({ sha256: sha256(bytes), sizeBytes: bytes.length, created: true });
    const path = join(root, stored.sha256.slice(0, 2), stored.sha256.slice(2, 4), stored.sha256);
    expect(store.pathOf(stored.sha256)).toBe(path);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect((await store.readVerified(stored.sha256)).equals(bytes)).toBe(true);
    expect(incomingFiles()).toEqual([]);
  });

  it('stores the same bytes once (dedup), whatever they were called', async () => {
    const store = new BlobStore(root);
    const bytes = randomBytes(50_000);
    const first = await store.putBytes(bytes);
    const second = await store.putBytes(Buffer.from(bytes));
    expect(second).toEqual({ ...first, created: false });
    expect(await store.list()).toEqual([first.sha256]);
  });

  it('streams a large input chunk by chunk and hashes it on the way', async () => {
    const store = new BlobStore(root);
    const expected = createHash('sha256');
    for await (const chunk of chunks(40, 512 * 1024, 7)) expected.update(chunk);
    const stored = await store.putStream(chunks(40, 512 * 1024, 7));
    expect(stored.sha256).toBe(expected.digest('hex'));
    expect(stored.sizeBytes).toBe(40 * 512 * 1024);
    expect(statSync(store.pathOf(stored.sha256)).size).toBe(stored.sizeBytes);
  });

  it('refuses a stream past the size cap and keeps nothing of it', async () => {
    const store = new BlobStore(root);
    const error = await failure(() => store.putStream(chunks(10, 100_000, 1), { maxBytes: 250_000 }));
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toMatch(/Tệp quá lớn/);
    expect(await store.list()).toEqual([]);
    expect(incomingFiles()).toEqual([]);
  });

  it('refuses at the first bytes when the head check says so, and keeps nothing', async () => {
    const store = new BlobStore(root);
    const refuse = (head: Uint8Array): void => {
      if (head[0] !== 0x25) throw new CommandError('invalid_argument', 'Không nhận loại tệp này.');
    };
    expect((await failure(() => store.putBytes(Buffer.from('MZ not a scan'), { checkHead: refuse }))).message).toBe('Không nhận loại tệp này.');
    expect(await store.list()).toEqual([]);
    expect((await store.putBytes(Buffer.from('%PDF-1.7 …'), { checkHead: refuse })).created).toBe(true);
  });
});

describe('copying a file in (copyIn)', () => {
  const sourceWith = (bytes: Uint8Array): string => {
    const path = join(dir.path, `source-${sha256(bytes).slice(0, 8)}.bin`);
    writeFileSync(path, bytes);
    return path;
  };

  it('stores the file byte for byte; the inspector sees exactly the bytes stored', async () => {
    const store = new BlobStore(root);
    const bytes = randomBytes(2 * 1024 * 1024 + 3);
    const path = sourceWith(bytes);
    let seen: Buffer | null = null;
    const stored = await store.copyIn(path, (copy) => {
      seen = Buffer.from(copy);
      return copy.length;
    });
    expect(stored).toEqual({ sha256: sha256(bytes), sizeBytes: bytes.length, created: true, inspected: bytes.length });
    expect(seen!.equals(bytes)).toBe(true);
    expect(readFileSync(store.pathOf(stored.sha256)).equals(bytes)).toBe(true);
    expect(readFileSync(path).equals(bytes)).toBe(true); // the source is left as it was
    expect(incomingFiles()).toEqual([]);
  });

  it('keeps nothing when the inspector refuses, and passes its error on as it is', async () => {
    const store = new BlobStore(root);
    const refusal = new CommandError('invalid_argument', 'Tệp này bị từ chối.');
    const error = await failure(() =>
      store.copyIn(sourceWith(randomBytes(50_000)), () => {
        throw refusal;
      }),
    );
    expect(error).toBe(refusal);
    expect(await store.list()).toEqual([]);
    expect(incomingFiles()).toEqual([]);
  });

  it('refuses a file past the size cap (one that grew after it was checked) and keeps nothing', async () => {
    const store = new BlobStore(root);
    const error = await failure(() => store.copyIn(sourceWith(randomBytes(300_000)), () => undefined, { maxBytes: 250_000 }));
    expect(error.message).toMatch(/Tệp quá lớn/);
    expect(await store.list()).toEqual([]);
    expect(incomingFiles()).toEqual([]);
  });

  it('stores the same bytes once: a second copy is dropped', async () => {
    const store = new BlobStore(root);
    const bytes = randomBytes(80_000);
    const first = await store.putBytes(bytes);
    const second = await store.copyIn(sourceWith(bytes), () => 'checked');
    expect(second).toEqual({ ...first, created: false, inspected: 'checked' });
    expect(await store.list()).toEqual([first.sha256]);
    expect(incomingFiles()).toEqual([]);
  });

  it('a failure before the rename leaves no blob and no temp file', async () => {
    const store = new BlobStore(root, {
      beforeRename: () => {
        throw new Error('power cut');
      },
    });
    const bytes = randomBytes(60_000);
    expect((await failure(() => store.copyIn(sourceWith(bytes), () => undefined))).code).toBe('storage_failure');
    expect(existsSync(store.pathOf(sha256(bytes)))).toBe(false);
    expect(strayTemps(root)).toEqual([]);
  });
});

describe('atomic writes', () => {
  it('a failure between write and rename leaves no blob under its name and no temp file', async () => {
    let sawTemp = '';
    const store = new BlobStore(root, {
      beforeRename: (temp) => {
        sawTemp = temp;
        throw new Error('power cut');
      },
    });
    const bytes = randomBytes(100_000);
    const error = await failure(() => store.putBytes(bytes));
    expect(error.code).toBe('storage_failure');
    expect(sawTemp).toMatch(/\.part$/);
    expect(existsSync(store.pathOf(sha256(bytes)))).toBe(false);
    expect(strayTemps(root)).toEqual([]);
    // The store still works afterwards.
    expect((await new BlobStore(root).putBytes(bytes)).created).toBe(true);
  });

  async function killWriterMidWrite(mode: 'stream' | 'bytes' | 'copy'): Promise<void> {
    const script = resolve(import.meta.dirname, 'support/slow-blob-writer.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, root, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', (data: Buffer) => {
        if (data.toString().includes('writing')) done();
      });
      child.once('exit', (code) => fail(new Error(`writer exited early (${code})`)));
    });
    const killed = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await killed;
  }

  /** Temp files anywhere in the store (".incoming/*.part" and ".*.part" beside blobs). */
  function tempFiles(dir = root): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? tempFiles(join(dir, entry.name)) : entry.name.endsWith('.part') ? [join(dir, entry.name)] : [],
    );
  }

  it('a process killed (SIGKILL) mid-stream leaves only a temp file, which the next open removes', async () => {
    await killWriterMidWrite('stream');
    const temps = tempFiles();
    expect(temps).toHaveLength(1);
    expect(temps[0]).toContain('.incoming');
    expect(statSync(temps[0]!).size).toBeGreaterThan(0);
    const store = new BlobStore(root);
    expect(await store.list()).toEqual([]); // no half blob under any final name
    await store.open();
    expect(tempFiles()).toEqual([]);
  }, 30_000);

  for (const mode of ['bytes', 'copy'] as const) {
    it(`a process killed between fsync and rename (${mode === 'bytes' ? 'putBytes' : 'copyIn'}) leaves the bytes only under a temp name, removed at the next open`, async () => {
      await killWriterMidWrite(mode);
      const temps = tempFiles();
      expect(temps).toHaveLength(1);
      expect(temps[0]).toContain('.incoming'); // hashed while written: the name is known only at the end
      expect(statSync(temps[0]!).size).toBe(300_000);
      const store = new BlobStore(root);
      expect(await store.list()).toEqual([]);
      await store.open();
      expect(tempFiles()).toEqual([]);
    }, 30_000);
  }

  it('removes temp files that earlier versions left beside blobs, but only ones older than this process', async () => {
    const first = await new BlobStore(root).putBytes(randomBytes(1000));
    const folder = join(root, first.sha256.slice(0, 2), first.sha256.slice(2, 4));
    const oldTemp = join(folder, '.0123456789abcdef.part');
    writeFileSync(oldTemp, 'half a blob');
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(oldTemp, longAgo, longAgo);
    const store = new BlobStore(root);
    const fresh = join(folder, '.fedcba9876543210.part');
    writeFileSync(fresh, 'being written by this process');
    utimesSync(fresh, new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
    await store.open();
    expect(existsSync(oldTemp)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(await store.list()).toEqual([first.sha256]);
  });
});

describe('verified reads', () => {
  it('a flipped byte on disk is reported as damage, in Vietnamese, by every way of reading', async () => {
    const store = new BlobStore(root);
    const { sha256: hash } = await store.putBytes(randomBytes(70_000));
    const path = store.pathOf(hash);
    const damaged = readFileSync(path);
    damaged[12_345] = damaged[12_345]! ^ 0xff;
    writeFileSync(path, damaged);

    for (const read of [() => store.verify(hash), () => store.readVerified(hash), () => store.openVerified(hash)]) {
      const error = await failure(read);
      expect(error.code).toBe('storage_failure');
      expect(error.message).toMatch(/bị hỏng.*SHA-256/);
      expect(error.message).toContain(hash.slice(0, 12));
    }
  });

  it('a missing blob is not_found with a clear message, never empty bytes', async () => {
    const store = new BlobStore(root);
    const hash = sha256(Buffer.from('never stored'));
    for (const read of [() => store.verify(hash), () => store.readVerified(hash), () => store.openVerified(hash)]) {
      const error = await failure(read);
      expect(error.code).toBe('not_found');
      expect(error.message).toMatch(/Không tìm thấy tệp đã số hoá/);
    }
    expect(await store.sizeOf(hash)).toBeNull();
  });

  it('streams a good blob in full', async () => {
    const store = new BlobStore(root);
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const { sha256: hash } = await store.putBytes(bytes);
    const { sizeBytes, stream } = await store.openVerified(hash);
    const parts: Buffer[] = [];
    for await (const part of stream) parts.push(part as Buffer);
    expect(sizeBytes).toBe(bytes.length);
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);
  });

  it('a stored file of the wrong size is replaced when the same bytes come again', async () => {
    const store = new BlobStore(root);
    const bytes = randomBytes(10_000);
    const { sha256: hash } = await store.putBytes(bytes);
    writeFileSync(store.pathOf(hash), bytes.subarray(0, 5000)); // truncated on disk
    expect((await store.putBytes(bytes)).created).toBe(true);
    await expect(store.verify(hash)).resolves.toEqual({ sizeBytes: bytes.length });
  });
});

describe('garbage collection', () => {
  it('keeps referenced and recent blobs, removes old unreferenced ones', async () => {
    const store = new BlobStore(root);
    const kept = await store.putBytes(Buffer.from('%PDF referenced'));
    const old = await store.putBytes(Buffer.from('%PDF unreferenced and old'));
    const young = await store.putBytes(Buffer.from('%PDF unreferenced but young'));
    const longAgo = new Date(Date.now() - 3 * 86_400_000);
    for (const blob of [kept, old]) utimesSync(store.pathOf(blob.sha256), longAgo, longAgo);

    const report = await store.collectGarbage((sha) => sha === kept.sha256, 86_400_000);
    expect(report.removed).toEqual([old.sha256]);
    expect(report.kept).toBe(2);
    expect((await store.list()).sort()).toEqual([kept.sha256, young.sha256].sort());
  });
});

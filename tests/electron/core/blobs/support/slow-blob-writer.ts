import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BlobStore } from '../../../../../electron/core/blobs/blob-store.js';

// A process the test kills with SIGKILL mid-write, as a power cut or a crash would, then checks what
// the store looks like. 'stream': a stream that never ends (temp file in .incoming, still growing).
// 'bytes' (putBytes) and 'copy' (copyIn): bytes fully written and fsync'd in .incoming, stopped just
// before the rename.

const [root, mode = 'stream'] = process.argv.slice(2);
if (root === undefined) throw new Error('usage: slow-blob-writer <blob root> [stream|bytes|copy]');

async function* endless(): AsyncGenerator<Uint8Array> {
  for (let i = 0; ; i += 1) {
    yield new Uint8Array(64 * 1024).fill(i % 251);
    if (i === 3) process.stdout.write('writing\n');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

if (mode === 'stream') {
  await new BlobStore(root).putStream(endless());
} else {
  const store = new BlobStore(root, {
    beforeRename: () => {
      process.stdout.write('writing\n');
      return new Promise<void>(() => undefined); // never renames: the kill comes first
    },
  });
  if (mode === 'copy') {
    const path = join(root, '..', 'source.bin');
    writeFileSync(path, new Uint8Array(300_000).fill(7));
    await store.copyIn(path, () => undefined);
  } else {
    await store.putBytes(new Uint8Array(300_000).fill(7));
  }
}

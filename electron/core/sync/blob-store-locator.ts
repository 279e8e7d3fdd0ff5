import { statSync } from 'node:fs';
import type { BlobLocator } from './blob-queue-repository.js';

/** Finds scans in the desk's content-addressed blob store (electron/core/blobs) by SHA-256. */
export function blobStoreLocator(store: { pathOf(sha256: string): string }): BlobLocator {
  return {
    locate(sha256) {
      try {
        const path = store.pathOf(sha256);
        return { sha256, path, size: statSync(path).size };
      } catch {
        return null;
      }
    },
  };
}

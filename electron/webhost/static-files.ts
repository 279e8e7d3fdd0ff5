import { readFile, stat } from 'node:fs/promises';
import { resolveInside } from '../core/security/resolve-inside.js';

export async function readStaticFile(root: string, urlPath: string): Promise<{ path: string; body: Buffer } | null> {
  const path = resolveInside(root, urlPath === '/' ? '/index.html' : urlPath);
  if (path === null) return null;
  try {
    if (!(await stat(path)).isFile()) return null;
    return { path, body: await readFile(path) };
  } catch {
    return null;
  }
}

import { readFileSync } from 'node:fs';

/** Name and version from package.json, read once at start. */
export function readPackageIdentity(packageJsonPath: string): { appName: string; version: string } {
  const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { productName?: string; name: string; version: string };
  return { appName: pkg.productName ?? pkg.name, version: pkg.version };
}

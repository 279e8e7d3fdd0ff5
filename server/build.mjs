// Builds the centre to JavaScript that plain `node` runs (`npm run build` here, `npm start` then runs
// dist/cli.js): no tsx, a development tool, on the city's server.
//
// esbuild rather than tsc: `tsc -b` already type-checks every layer (it only emits declarations), so the
// build needs no second type-check, only the types stripped. And the centre imports shared/ (one copy,
// used by the desk too) from outside its own folder: a bundle compiles exactly the shared/ files the
// centre reaches into one file, where tsc would emit a tree mirroring the repository's layout. npm
// packages stay imports (`packages: 'external'`), resolved from node_modules like any Node program.
import { buildSync } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER_DIR = import.meta.dirname;
export const CENTRE_DIST = join(SERVER_DIR, 'dist');
export const CENTRE_ENTRY = join(SERVER_DIR, 'cli.ts');

// Files the centre reads at run time beside its own module (page-routes.ts reads
// `join(import.meta.dirname, 'page', 'dashboard.css')`): copied next to the bundle, where that
// import.meta.dirname now points.
const ASSETS = [{ from: 'dashboard/page/dashboard.css', to: 'page/dashboard.css' }];

/** esbuild options for a Node program (ESM, Node 20), npm packages left as imports. */
export function nodeProgramOptions(entry, outfile) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  };
}

/**
 * Builds dist/cli.js (or into `outdir`) and copies the centre's run-time assets beside it. Returns the
 * source files that went in, relative to `relativeTo`, so a caller can tell when a rebuild is due.
 */
export function buildCentre(outdir = CENTRE_DIST, relativeTo = SERVER_DIR) {
  const result = buildSync(nodeProgramOptions(CENTRE_ENTRY, join(outdir, 'cli.js')));
  const inputs = Object.keys(result.metafile.inputs).map((input) => resolve(input));
  for (const asset of ASSETS) {
    const from = join(SERVER_DIR, asset.from);
    mkdirSync(join(outdir, asset.to, '..'), { recursive: true });
    copyFileSync(from, join(outdir, asset.to));
    inputs.push(from);
  }
  return inputs.map((input) => relative(relativeTo, input));
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const inputs = buildCentre();
  // On stderr: `npm run centre -- enrollment-code …` prints the code alone on stdout.
  console.error(`centre built: ${relative(process.cwd(), join(CENTRE_DIST, 'cli.js'))} from ${inputs.length} files in ${Math.round(performance.now() - started)} ms`);
}

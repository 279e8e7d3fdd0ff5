// Types of build.mjs for the TypeScript that calls it (the tests' entry builds).
import type { BuildOptions } from 'esbuild';

export const CENTRE_DIST: string;
export const CENTRE_ENTRY: string;
export function nodeProgramOptions(entry: string, outfile: string): BuildOptions & { metafile: true };
export function buildCentre(outdir?: string, relativeTo?: string): string[];

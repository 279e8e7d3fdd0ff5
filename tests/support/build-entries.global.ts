// vitest globalSetup: builds the programs tests start as child processes (entry-builds.ts) once, before
// any test file runs, so parallel test files find them built and never build the same one at once.
import { buildEntries } from './entry-builds.js';

export default function setup(): void {
  buildEntries();
}

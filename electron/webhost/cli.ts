import { resolve } from 'node:path';
import { readPackageIdentity } from '../core/app/package-version.js';
import { startCore } from '../core/start-core.js';
import { readWebHostOptions } from './options.js';
import { createWebHost, listenOnLoopback } from './server.js';

// `npm run web -- --port <p> --data-dir <dir> --token <t>`: the desk in a browser, on 127.0.0.1 only.
const projectRoot = resolve(import.meta.dirname, '../..');

function main(): void {
  const options = readWebHostOptions(process.argv.slice(2));
  const core = startCore({ ...readPackageIdentity(resolve(projectRoot, 'package.json')), dataDir: options.dataDir });
  const server = createWebHost({
    handlers: core.handlers,
    events: core.events,
    files: core.attachments,
    rendererDir: resolve(projectRoot, 'out/renderer'),
    token: options.token,
  });
  listenOnLoopback(server, options.port).then(
    (port) => {
      console.log(`Desk data folder: ${options.dataDir}`);
      console.log(`Open the desk at: http://127.0.0.1:${port}/`);
      console.log(`API token (for scripts): ${options.token}`);
    },
    (error: unknown) => {
      console.error(`Cannot listen on 127.0.0.1:${options.port}:`, error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
  const stop = (): void => {
    server.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

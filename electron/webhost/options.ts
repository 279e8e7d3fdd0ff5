import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { prepareDefaultDataDir } from '../core/app/data-dir.js';

export interface WebHostCliOptions {
  port: number;
  dataDir: string;
  token: string;
}

/** Options from the command line, then the environment (DESK_PORT, DESK_DATA_DIR, DESK_TOKEN), then defaults. */
export function readWebHostOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): WebHostCliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      token: { type: 'string' },
    },
    strict: true,
  });
  const portText = values.port ?? env.DESK_PORT ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535 (0 picks a free port), not "${portText}"`);
  }
  const token = values.token ?? env.DESK_TOKEN ?? randomBytes(24).toString('base64url');
  if (token.length < 16) throw new Error('--token must be at least 16 characters');
  return { port, dataDir: values['data-dir'] ?? env.DESK_DATA_DIR ?? prepareDefaultDataDir(env), token };
}

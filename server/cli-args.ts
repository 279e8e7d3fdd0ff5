import { parseArgs } from 'node:util';

// The centre's command line:
//   centre [serve] --data-dir <dir> [--port <p>] [--host <h>] [--database postgres://…]
//   centre create-admin --data-dir <dir> --username <u> --password <p> [--database …]
//   centre enrollment-code --data-dir <dir> --unit <GSO> --station <n> [--hours 72] [--database …]
//   centre revoke-device --data-dir <dir> --device <id> [--database …]
//   centre list-devices --data-dir <dir> [--database …]

export const SUBCOMMANDS = ['serve', 'create-admin', 'enrollment-code', 'revoke-device', 'list-devices'] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

export interface CentreArgs {
  command: Subcommand;
  dataDir: string;
  database: string | undefined;
  schema: string | undefined;
  port: number;
  host: string;
  username: string | undefined;
  password: string | undefined;
  unit: string | undefined;
  station: number | undefined;
  hours: number | undefined;
  device: string | undefined;
  logLevel: string;
}

export function parseCentreArgs(argv: readonly string[]): CentreArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      database: { type: 'string' },
      schema: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      unit: { type: 'string' },
      station: { type: 'string' },
      hours: { type: 'string' },
      device: { type: 'string' },
      'log-level': { type: 'string' },
    },
  });
  const command = (positionals[0] ?? 'serve') as Subcommand;
  if (!SUBCOMMANDS.includes(command)) throw new Error(`Unknown command "${command}". Commands: ${SUBCOMMANDS.join(', ')}`);
  if (values['data-dir'] === undefined) throw new Error('--data-dir <folder> is required (the SQLite database and the scans live there)');
  const int = (name: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    if (!/^\d+$/.test(text)) throw new Error(`--${name} takes a whole number`);
    return Number(text);
  };
  return {
    command,
    dataDir: values['data-dir'],
    database: values.database ?? process.env.CENTRE_DATABASE_URL,
    schema: values.schema,
    port: int('port', values.port) ?? 8787,
    host: values.host ?? '127.0.0.1',
    username: values.username,
    password: values.password,
    unit: values.unit,
    station: int('station', values.station),
    hours: int('hours', values.hours),
    device: values.device,
    logLevel: values['log-level'] ?? 'info',
  };
}

import { isIP } from 'node:net';
import { parseArgs } from 'node:util';

// The centre's command line:
//   centre [serve] --data-dir <dir> [--port <p>] [--host <h>] [--database postgres://…]
//                  [--tls-cert <pem> --tls-key <pem>] [--trust-proxy <address,address/cidr,…>] [--log-files]
//   centre create-admin --data-dir <dir> --username <u> --password <p> [--database …]
//   centre enrollment-code --data-dir <dir> --unit <GSO> --station <n> [--hours 72] [--database …]
//   centre revoke-device --data-dir <dir> --device <id> [--database …]
//   centre list-devices --data-dir <dir> [--database …]
//   centre publish-update --data-dir <dir> --installer <file> [--blockmap <file>] [--latest-yml <file> | --version <semver>]
//                         [--channel stable] [--platform win|linux|mac] [--units <unit id,…>] [--percent <0–100>]
//   centre promote-update --data-dir <dir> --version <semver> [--channel stable] [--platform win] [--units <unit id,…>] [--percent <0–100>]
//   centre list-updates   --data-dir <dir> [--channel stable]
//   centre backup --data-dir <dir> --to <folder> [--database …]   (while the centre serves)
//   centre restore --data-dir <dir> --from <folder>/centre-<date>  (SQLite; the centre stopped)
//   centre mark-restored --data-dir <dir> [--database …]          (after restoring PostgreSQL from pg_dump)

export const SUBCOMMANDS = ['serve', 'create-admin', 'enrollment-code', 'revoke-device', 'list-devices', 'publish-update', 'promote-update', 'list-updates', 'backup', 'restore', 'mark-restored'] as const;
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
  /** backup: the folder that holds the dated backups; restore: one dated backup. */
  to: string | undefined;
  from: string | undefined;
  logLevel: string;
  /** Also write the logs to rotating files in <data-dir>/logs (CENTRE_LOG_FILES=1); stdout otherwise. */
  logFiles: boolean;
  /** Serve HTTPS with this certificate and key (PEM files); CENTRE_TLS_CERT / CENTRE_TLS_KEY. */
  tls: { certPath: string; keyPath: string } | undefined;
  /** The TLS-terminating proxies whose X-Forwarded-* headers are believed; CENTRE_TRUST_PROXY. */
  trustProxy: string[] | undefined;
  /** publish-update, promote-update, list-updates (server/updates/update-commands.ts). */
  update: UpdateArgs;
}

export interface UpdateArgs {
  channel: string;
  platform: string;
  installer: string | undefined;
  blockmap: string | undefined;
  latestYml: string | undefined;
  version: string | undefined;
  /** Stage to these catalogue unit ids (comma-separated on the command line). */
  units: string[] | undefined;
  percent: number | undefined;
}

/** proxy-addr's named ranges (loopback: 127.0.0.1/8 and ::1/128; the other two private ranges). */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * `--trust-proxy 127.0.0.1,10.20.0.0/16`: an explicit list, never "trust every address" — a header
 * from a machine not on it could make plain HTTP look like HTTPS, or fake a client's address.
 */
export function parseTrustProxy(text: string): string[] {
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (PROXY_RANGE_NAMES.includes(entry)) continue;
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= (family === 6 ? 128 : 32));
    if (family === 0 || !prefixOk || rest.length > 0) {
      throw new Error(
        `--trust-proxy: "${entry}" is not an IP address, a CIDR range (10.0.0.0/8) or one of ${PROXY_RANGE_NAMES.join(', ')}; ` +
          'list the TLS proxies in front of the centre, separated by commas (trusting every address is not allowed).',
      );
    }
  }
  return entries;
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
      to: { type: 'string' },
      from: { type: 'string' },
      'log-level': { type: 'string' },
      'log-files': { type: 'boolean' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'trust-proxy': { type: 'string' },
      channel: { type: 'string' },
      platform: { type: 'string' },
      installer: { type: 'string' },
      blockmap: { type: 'string' },
      'latest-yml': { type: 'string' },
      version: { type: 'string' },
      units: { type: 'string' },
      percent: { type: 'string' },
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
  const tlsCert = values['tls-cert'] ?? process.env.CENTRE_TLS_CERT;
  const tlsKey = values['tls-key'] ?? process.env.CENTRE_TLS_KEY;
  if ((tlsCert === undefined) !== (tlsKey === undefined)) {
    throw new Error('--tls-cert <pem> and --tls-key <pem> go together (or CENTRE_TLS_CERT and CENTRE_TLS_KEY): the certificate and its private key');
  }
  const trustProxy = values['trust-proxy'] ?? process.env.CENTRE_TRUST_PROXY;
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
    to: values.to,
    from: values.from,
    logLevel: values['log-level'] ?? 'info',
    logFiles: values['log-files'] === true || process.env.CENTRE_LOG_FILES === '1',
    tls: tlsCert === undefined || tlsKey === undefined ? undefined : { certPath: tlsCert, keyPath: tlsKey },
    trustProxy: trustProxy === undefined || trustProxy.trim() === '' ? undefined : parseTrustProxy(trustProxy),
    update: {
      channel: values.channel ?? 'stable',
      platform: values.platform ?? 'win',
      installer: values.installer,
      blockmap: values.blockmap,
      latestYml: values['latest-yml'],
      version: values.version,
      units: values.units?.split(',').map((unit) => unit.trim()).filter((unit) => unit !== ''),
      percent: int('percent', values.percent),
    },
  };
}

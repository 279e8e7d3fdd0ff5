import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from './temp-dir.js';

// A throwaway private CA and a centre certificate it signed, made with the `openssl` CLI (node:crypto
// cannot issue X.509 certificates) — the shape a city-run CA gives: desks trust the CA, the centre
// presents its own certificate for 127.0.0.1 / localhost. Valid for two days; never leaves the temp dir.

export interface TestCertificates {
  dir: string;
  /** The CA certificate desks are told to trust (NODE_EXTRA_CA_CERTS). */
  caPath: string;
  /** The centre's certificate (SAN IP:127.0.0.1, DNS:localhost) and its key. */
  certPath: string;
  keyPath: string;
  /** A key of another certificate: `--tls-key` with it does not match `certPath`. */
  otherKeyPath: string;
  remove(): void;
}

function openssl(cwd: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

export function makeTestCertificates(): TestCertificates {
  const tmp = makeTempDir('centre-tls-');
  const dir = tmp.path;
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(dir, 'req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Thu nghiem CA noi bo Ha Long',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  openssl(dir, 'req', '-new', ...ec, '-keyout', 'centre.key', '-out', 'centre.csr', '-subj', '/CN=127.0.0.1');
  writeFileSync(
    join(dir, 'centre.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n',
  );
  openssl(dir, 'x509', '-req', '-in', 'centre.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', `0x${Date.now().toString(16)}`,
    '-days', '2', '-out', 'centre.pem', '-extfile', 'centre.ext');
  openssl(dir, 'genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-out', 'other.key');
  return {
    dir,
    caPath: join(dir, 'ca.pem'),
    certPath: join(dir, 'centre.pem'),
    keyPath: join(dir, 'centre.key'),
    otherKeyPath: join(dir, 'other.key'),
    remove: () => tmp.remove(),
  };
}

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface CertAndKey {
  certPath: string;
  keyPath: string;
  cert: string;
  key: string;
}

export interface CaCert {
  certPath: string;
  cert: string;
}

export interface TestPki {
  dir: string;
  /** The CA tests trust, through NODE_EXTRA_CA_CERTS or a `ca` option. */
  ca: CaCert;
  /** Signed by `ca` for localhost, 127.0.0.1, ::1 and mail.selfhosted.test (manual setup's allowed test host). */
  server: CertAndKey;
  /** Signed by `ca`, but only for wrong.example: clients must fail with ERR_TLS_CERT_ALTNAME_INVALID. */
  wrongName: CertAndKey;
  /** A second CA nobody trusts. */
  unknownCa: CaCert;
  /** Signed by `unknownCa` for localhost and 127.0.0.1. */
  unknownCaServer: CertAndKey;
}

export const DEFAULT_PKI_DIR = path.resolve(import.meta.dirname, '../../.test-pki');

// Written last, so a folder holding it is complete; bump the version when the layout changes.
// v2: the server certificate also names mail.selfhosted.test.
const COMPLETE_MARKER = 'complete-v2';
/** Markers of older layouts: their authorities are kept when the leaves are made again. */
const OLDER_MARKERS = ['complete-v1'];

const FILES = {
  caCert: 'ca.crt',
  caKey: 'ca.key',
  serverCert: 'server.crt',
  serverKey: 'server.key',
  wrongNameCert: 'wrong-name.crt',
  wrongNameKey: 'wrong-name.key',
  unknownCaCert: 'unknown-ca.crt',
  unknownCaKey: 'unknown-ca.key',
  unknownCaServerCert: 'unknown-ca-server.crt',
  unknownCaServerKey: 'unknown-ca-server.key',
} as const;

const LEAF_DAYS = '3650';

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function makeKey(cwd: string, file: string): void {
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file], cwd);
}

function makeCa(cwd: string, keyFile: string, certFile: string, commonName: string): void {
  makeKey(cwd, keyFile);
  openssl(
    [
      'req', '-x509', '-new', '-key', keyFile, '-sha256', '-days', LEAF_DAYS,
      '-subj', `/O=Mailbox onboarding tests/CN=${commonName}`,
      '-addext', 'basicConstraints=critical,CA:TRUE',
      '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
      '-addext', 'subjectKeyIdentifier=hash',
      '-out', certFile,
    ],
    cwd,
  );
}

function makeLeaf(
  cwd: string,
  opts: { caCert: string; caKey: string; keyFile: string; certFile: string; commonName: string; san: string },
): void {
  makeKey(cwd, opts.keyFile);
  const csr = `${opts.certFile}.csr`;
  const ext = `${opts.certFile}.ext`;
  openssl(['req', '-new', '-key', opts.keyFile, '-subj', `/CN=${opts.commonName}`, '-out', csr], cwd);
  fs.writeFileSync(
    path.join(cwd, ext),
    [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=serverAuth',
      `subjectAltName=${opts.san}`,
      'subjectKeyIdentifier=hash',
      'authorityKeyIdentifier=keyid',
      '',
    ].join('\n'),
  );
  openssl(
    [
      'x509', '-req', '-in', csr, '-CA', opts.caCert, '-CAkey', opts.caKey,
      '-set_serial', `0x${randomBytes(16).toString('hex')}`,
      '-days', LEAF_DAYS, '-sha256', '-extfile', ext, '-out', opts.certFile,
    ],
    cwd,
  );
  fs.rmSync(path.join(cwd, csr));
  fs.rmSync(path.join(cwd, ext));
}

const CA_FILES = [FILES.caCert, FILES.caKey, FILES.unknownCaCert, FILES.unknownCaKey] as const;

/**
 * Builds the PKI in `dir`. With `keepAuthoritiesOf` (a complete older layout), its two CAs are
 * copied rather than made anew, so that processes already trusting the old test CA (through
 * NODE_EXTRA_CA_CERTS, read once at start) keep trusting the new leaves.
 */
function generateInto(dir: string, keepAuthoritiesOf?: string): void {
  const reuse = keepAuthoritiesOf !== undefined && CA_FILES.every((f) => fs.existsSync(path.join(keepAuthoritiesOf, f)));
  if (reuse) {
    for (const file of CA_FILES) fs.copyFileSync(path.join(keepAuthoritiesOf, file), path.join(dir, file));
    const bundle = path.join(keepAuthoritiesOf, 'extra-ca-bundle.pem');
    if (fs.existsSync(bundle)) fs.copyFileSync(bundle, path.join(dir, 'extra-ca-bundle.pem'));
  } else {
    makeCa(dir, FILES.caKey, FILES.caCert, 'Test CA');
    makeCa(dir, FILES.unknownCaKey, FILES.unknownCaCert, 'Unknown CA');
  }
  makeLeaf(dir, {
    caCert: FILES.caCert, caKey: FILES.caKey,
    keyFile: FILES.serverKey, certFile: FILES.serverCert,
    commonName: 'localhost', san: 'DNS:localhost,IP:127.0.0.1,IP:::1,DNS:mail.selfhosted.test',
  });
  makeLeaf(dir, {
    caCert: FILES.caCert, caKey: FILES.caKey,
    keyFile: FILES.wrongNameKey, certFile: FILES.wrongNameCert,
    commonName: 'wrong.example', san: 'DNS:wrong.example',
  });
  makeLeaf(dir, {
    caCert: FILES.unknownCaCert, caKey: FILES.unknownCaKey,
    keyFile: FILES.unknownCaServerKey, certFile: FILES.unknownCaServerCert,
    commonName: 'localhost', san: 'DNS:localhost,IP:127.0.0.1,IP:::1',
  });
  fs.writeFileSync(path.join(dir, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
}

function readPki(dir: string): TestPki {
  const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
  const ca = (cert: string): CaCert => ({ certPath: path.join(dir, cert), cert: read(cert) });
  const pair = (cert: string, key: string): CertAndKey => ({
    certPath: path.join(dir, cert),
    keyPath: path.join(dir, key),
    cert: read(cert),
    key: read(key),
  });
  return {
    dir,
    ca: ca(FILES.caCert),
    server: pair(FILES.serverCert, FILES.serverKey),
    wrongName: pair(FILES.wrongNameCert, FILES.wrongNameKey),
    unknownCa: ca(FILES.unknownCaCert),
    unknownCaServer: pair(FILES.unknownCaServerCert, FILES.unknownCaServerKey),
  };
}

const isComplete = (dir: string) => fs.existsSync(path.join(dir, COMPLETE_MARKER));

/**
 * A server certificate signed by the test CA for `names` (DNS names; IP literals too), made in
 * a temporary folder of its own: for peers that answer as names the fixed leaves do not cover
 * (an autoconfig server as autoconfig.<domain>.test). Give the folder back with `dispose`.
 */
export function issueTestCert(pki: TestPki, names: readonly string[]): CertAndKey & { dispose(): void } {
  if (names.length === 0) throw new Error('issueTestCert: no names');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-leaf-'));
  const caKey = path.join(pki.dir, FILES.caKey);
  const san = names.map((name) => (/^[\d.]+$|:/.test(name) ? `IP:${name}` : `DNS:${name}`)).join(',');
  makeLeaf(dir, { caCert: pki.ca.certPath, caKey, keyFile: 'leaf.key', certFile: 'leaf.crt', commonName: names[0]!, san });
  const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
  return {
    certPath: path.join(dir, 'leaf.crt'),
    keyPath: path.join(dir, 'leaf.key'),
    cert: read('leaf.crt'),
    key: read('leaf.key'),
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Creates the test PKI once and reuses it afterwards. Vitest workers and the
 * global setup may race here, so each caller builds in its own temporary
 * folder and publishes it with one rename: whoever loses the race throws its
 * copy away and reads the winner's, and nobody ever sees a half-written folder.
 */
export function ensureTestPki(dir: string = DEFAULT_PKI_DIR): TestPki {
  const target = path.resolve(dir);
  if (isComplete(target)) return readPki(target);

  const parent = path.dirname(target);
  fs.mkdirSync(parent, { recursive: true });
  const staging = fs.mkdtempSync(path.join(parent, `.${path.basename(target)}.tmp-`));
  try {
    generateInto(staging, OLDER_MARKERS.some((m) => fs.existsSync(path.join(target, m))) ? target : undefined);
    fs.chmodSync(staging, 0o755);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.renameSync(staging, target);
        break;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
        if (isComplete(target)) break;
        // An older layout or an interrupted manual copy: move it aside rather
        // than deleting in place, so a concurrent reader never sees it shrink.
        const aside = `${target}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
        try {
          fs.renameSync(target, aside);
          fs.rmSync(aside, { recursive: true, force: true });
        } catch {
          // Someone else moved it first; the next attempt sorts it out.
        }
      }
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  if (!isComplete(target)) throw new Error(`test PKI in ${target} is incomplete after generation`);
  return readPki(target);
}

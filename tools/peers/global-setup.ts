import fs from 'node:fs';
import path from 'node:path';
import { ensureTestPki } from './pki';

/**
 * Node reads NODE_EXTRA_CA_CERTS once, when a process starts, so setting it
 * here only helps processes started afterwards: Vitest builds each fork's
 * environment from this process's env when it spawns the worker, which is
 * after global setup has run. That lets every test trust the test CA exactly
 * the way production code trusts a public CA: no `ca` option, verification on.
 */
export default function setup(): void {
  const pki = ensureTestPki();
  const current = process.env.NODE_EXTRA_CA_CERTS;
  if (!current) {
    process.env.NODE_EXTRA_CA_CERTS = pki.ca.certPath;
    return;
  }
  // A stale path is Node's problem to warn about, not a reason to stop the run.
  const existing = fs.existsSync(current) ? fs.readFileSync(current, 'utf8') : '';
  if (existing.includes(pki.ca.cert.trim())) return;
  // Someone already trusts an extra bundle (a corporate proxy CA, say): keep it
  // and add ours, since the variable holds exactly one file.
  const bundlePath = path.join(pki.dir, 'extra-ca-bundle.pem');
  const bundle = `${existing.trimEnd()}\n${pki.ca.cert}`;
  const staging = `${bundlePath}.${process.pid}.tmp`;
  fs.writeFileSync(staging, bundle);
  fs.renameSync(staging, bundlePath);
  process.env.NODE_EXTRA_CA_CERTS = bundlePath;
}

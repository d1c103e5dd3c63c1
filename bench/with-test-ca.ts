// Shared by the benchmarks that dial the TLS test peers in their own process.
//
// Node reads NODE_EXTRA_CA_CERTS only at start-up, and `server-only` resolves to its empty
// module only under the react-server condition; so such a benchmark starts itself again with
// both, and `isRelaunched` tells the second run from the first.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureTestPki } from '../tools/peers/pki';

export const isRelaunched = (flag: string) => process.env[flag] === '1';

/** Runs `script` again with the test CA trusted and the react-server condition; exits with its code. */
export function relaunchWithTestCa(script: string, flag: string): void {
  const pki = ensureTestPki();
  let caFile = pki.ca.certPath;
  const existing = process.env.NODE_EXTRA_CA_CERTS;
  if (existing && existing !== caFile && fs.existsSync(existing)) {
    caFile = path.join(pki.dir, `bench-ca-bundle.${process.pid}.pem`);
    fs.writeFileSync(caFile, `${fs.readFileSync(existing, 'utf8').trimEnd()}\n${pki.ca.cert}`);
  }
  const child = spawn(process.execPath, [...process.execArgv, '--conditions=react-server', script, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile, [flag]: '1' },
  });
  child.on('exit', (code, signal) => {
    if (caFile !== pki.ca.certPath) fs.rmSync(caFile, { force: true });
    process.exit(code ?? (signal ? 1 : 0));
  });
}

// `npm start`: the one command that runs the app on the embedded defaults (PGlite in .data/).
// Installs the npm dependencies if needed, builds when the sources changed since the last build,
// then serves on PORT (default 3000).
import { spawnSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNpmDependencies } from './ensure-deps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['app', 'components', 'lib', 'public', 'package-lock.json', 'next.config.ts', 'postcss.config.mjs', 'tsconfig.json', 'instrumentation.ts'];

function sourceStamp() {
  const hash = createHash('sha256');
  const visit = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(path.join(p, name));
    } else {
      hash.update(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const s of SOURCES) visit(path.join(root, s));
  return hash.digest('hex');
}

ensureNpmDependencies();

const stampFile = path.join(root, '.next', 'source-stamp');
const stamp = sourceStamp();
const built = existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
if (!built) {
  console.log('[start] building the app (next build)…');
  const result = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampFile, stamp);
}

const port = process.env.PORT ?? '3000';
console.log(`[start] serving on http://localhost:${port}`);
const server = spawn('npx', ['next', 'start', '-p', port], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));

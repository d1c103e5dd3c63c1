// `npm start`: the one command that runs the app on the embedded defaults (PGlite in .data/).
// Installs the npm dependencies if needed, builds when the sources changed since the last build,
// then serves on PORT (default 3000).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './build.mjs';
import { ensureNpmDependencies } from './ensure-deps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

ensureNpmDependencies();
if (!buildApp(root)) process.exit(1);

const port = process.env.PORT ?? '3000';
console.log(`[start] serving on http://localhost:${port}`);
const server = spawn('npx', ['next', 'start', '-p', port], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));

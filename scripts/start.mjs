// `npm start`: the one command that runs the app on the embedded defaults (PGlite in .data/).
// Installs the npm dependencies if needed, builds when the sources changed since the last build,
// then serves on PORT (default 3000) of 127.0.0.1 (HOSTNAME=0.0.0.0 to listen on every interface).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './build.mjs';
import { ensureNpmDependencies } from './ensure-deps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

ensureNpmDependencies();
if (!buildApp(root)) process.exit(1);

// The app's own server (scripts/serve.mjs), which listens on 127.0.0.1:PORT unless HOSTNAME says
// otherwise and prints the address. Run directly, not through npm, so the signal reaches it.
const shownHost = process.env.HOSTNAME || '127.0.0.1';
console.log(`[start] serving on http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${process.env.PORT || '3000'}`);
const server = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs')], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));

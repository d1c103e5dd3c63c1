// The Debian packages the tests need. Installed when we run as root; otherwise we stop with one
// line saying what to install, rather than failing later with a confusing error.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const REQUIRED = [
  { pkg: 'chromium-headless-shell', file: '/usr/bin/chromium-headless-shell', why: 'Playwright drives Debian’s Chromium (headless)' },
  // The full browser: `npm run bench:web` runs Lighthouse in it.
  { pkg: 'chromium', file: '/usr/bin/chromium', why: 'Lighthouse in bench:web' },
  // Without a CJK font every Chinese character is a missing-glyph box with other metrics: the
  // layout, axe and phone tests would not see the page a Chinese reader sees.
  { pkg: 'fonts-noto-cjk', file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', why: 'Chinese text rendered as readers see it' },
  { pkg: 'dovecot-imapd', file: '/usr/sbin/dovecot', why: 'a real IMAP server for the connection tests' },
  { pkg: 'openssl', file: '/usr/bin/openssl', why: 'the test certificate authority' },
  // A real reverse proxy in front of two instances (e2e/behind-nginx.spec.ts runs deploy/nginx.conf).
  // On Debian 12 `nginx` is the smallest package with the proxy and upstream modules:
  // `nginx-light` is only `nginx` plus the echo module.
  { pkg: 'nginx', file: '/usr/sbin/nginx', why: 'the reverse proxy of deploy/nginx.conf' },
];

export function ensureSystemPackages() {
  const missing = REQUIRED.filter((r) => !existsSync(r.file));
  if (missing.length === 0) return;
  const names = missing.map((m) => m.pkg).join(' ');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`Missing system packages: run \`sudo apt-get install -y ${names}\` and try again.`);
    process.exit(1);
  }
  console.log(`[setup] installing Debian packages: ${names}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', '--no-install-recommends', ...missing.map((m) => m.pkg)])) {
    console.error(`[setup] apt-get could not install ${names}; install them by hand and try again.`);
    process.exit(1);
  }
}

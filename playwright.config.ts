import { defineConfig, devices, type Project } from '@playwright/test';

// Playwright drives Debian's Chromium (never a downloaded browser) against the production build:
// its headless shell (package chromium-headless-shell, the same engine Playwright itself runs
// headless), which took a quarter less time than the full browser started headless.
// Which test runs where is decided by tags in the test titles (the rule is in e2e/README.md):
//   @phone       also on the phone project: layout, touch, accessibility, one walk per provider
//   @phone-only  only on the phone project (it is about the phone's screen)
//   @global      changes state every test shares (a peer's scenario for all its users): runs
//                after the others, alone, so no test sees it half-changed
//   @postgres    depends on the database server (several instances, the health runner across
//                them): only in the PostgreSQL pass (E2E_DATABASE=postgres)
//   @database    says which database the app is on: in both passes
// Everything else runs once, on desktop, on PGlite, two at a time.
const PORT = Number(process.env.E2E_PORT ?? 3107);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell';
const launchOptions = {
  executablePath: chromium,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
const postgresPass = process.env.E2E_DATABASE === 'postgres';
// `npm run test:quick` leaves the phone out (E2E_PHONE=0).
const withPhone = process.env.E2E_PHONE !== '0';
const desktop = { ...devices['Desktop Chrome'], launchOptions };
const phone = { ...devices['Pixel 7'], launchOptions };

const projects: Project[] = postgresPass
  ? [{ name: 'desktop', grep: /@postgres\b|@database\b/, use: desktop }]
  : [
      { name: 'desktop', grepInvert: /@global\b|@postgres\b|@phone-only\b/, use: desktop },
      ...(withPhone ? [{ name: 'phone', grep: /@phone\b|@phone-only\b/, grepInvert: /@global\b|@postgres\b/, use: phone }] : []),
      {
        name: 'desktop-global',
        grep: /@global\b/,
        grepInvert: /@postgres\b/,
        // After every other project has finished, one test at a time.
        dependencies: withPhone ? ['desktop', 'phone'] : ['desktop'],
        workers: 1,
        use: desktop,
      },
    ];

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Tests that share nothing run side by side; a file whose tests build on each other says
  // `test.describe.configure({ mode: 'serial' })`. The PostgreSQL pass times health rounds across
  // two instances: one test at a time there.
  fullyParallel: true,
  workers: postgresPass ? 1 : Number(process.env.E2E_WORKERS ?? 2),
  // A retry would hide a real race.
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 60_000,
  // A check or a page under two workers on a two-core machine can take longer than the default
  // five seconds to show what the test waits for; ten keeps a margin without hiding a hang.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Kept for a failed test: every action with the page's DOM before and after. The screencast
    // is left out: it cost 14% of the browser pass's time, and the DOM snapshots show the page.
    trace: { mode: 'retain-on-failure', screenshots: false },
    launchOptions,
  },
  projects,
  webServer: {
    command: `node --import tsx tools/serve-with-peers.ts ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    // Builds first unless E2E_SKIP_BUILD=1 (npm test builds once, before every pass).
    timeout: 600_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});

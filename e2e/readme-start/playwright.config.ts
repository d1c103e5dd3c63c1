import { defineConfig, devices } from '@playwright/test';

// The README's run command, checked end to end: e2e/readme-start/serve.ts runs `npm start` in a
// fresh copy with no settings and no other server, and the check drives it in Debian's
// Chromium. Kept apart from the main suite, whose server runs beside test mail peers.
//   npx playwright test --config e2e/readme-start/playwright.config.ts
const PORT = Number(process.env.README_START_PORT ?? 3117);
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export default defineConfig({
  testDir: '.',
  testMatch: '*.check.ts',
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: '../../playwright-report/readme-start' }]],
  outputDir: '../../test-results/readme-start',
  timeout: 60_000,
  use: {
    // As the README says: http://localhost:<port> (the app trusts it and http://127.0.0.1:<port> alike).
    baseURL: `http://localhost:${PORT}`,
    trace: { mode: 'retain-on-failure', screenshots: false },
    launchOptions,
  },
  projects: [{ name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions } }],
  webServer: {
    command: `node --import tsx serve.ts ${PORT}`,
    url: `http://localhost:${PORT}/api/health`,
    // The first run builds the copy (next build); later runs reuse that build.
    timeout: 600_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});

import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './lib/testing/slow-first-sequencer';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server bundle; tests run the server modules directly.
      'server-only': path.resolve(import.meta.dirname, 'lib/testing/server-only-stub.ts'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'tools/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['tools/peers/global-setup.ts'],
    pool: 'forks',
    // Files run side by side: each has its own databases (lib/db/testing/backends.ts), peers on
    // ports of their own and temporary folders, and shares nothing with the others. Vitest's
    // default (one fewer than the cores) would run them one by one on a two-core machine.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: SlowFirstSequencer },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'node_modules/**', '.data/**', '.test-pki/**', '.test-run/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts']),
  {
    rules: {
      // Secrets must never reach a log by accident; the few intentional logs say why.
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    // Schemas reach the browser, whose CSP allows no eval: zod comes configured from lib/zod.ts.
    files: ['app/**', 'components/**', 'lib/**'],
    ignores: ['lib/zod.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'zod', message: "Import { z } from '@/lib/zod' (it turns zod's eval probe off in the browser)." }] }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'e2e/**', 'tools/**'],
    rules: { 'no-console': 'off' },
  },
]);

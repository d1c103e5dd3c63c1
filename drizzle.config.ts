import { defineConfig } from 'drizzle-kit';

// Used by `npm run db:generate` only. The app applies the committed migrations itself when it
// opens the database (lib/db/client.ts), so no connection settings are needed here.
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema.ts',
  out: './lib/db/migrations',
  strict: true,
  verbose: true,
});

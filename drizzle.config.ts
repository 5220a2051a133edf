import { defineConfig } from 'drizzle-kit';

// Used only by `npm run db:generate` to write SQL migrations from the *.table.ts files.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/features/tables.ts',
  out: './migrations',
});

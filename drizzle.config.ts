import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` reads this: migrations are applied by the app itself (db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'server/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    pool: 'forks',
    // Generous: many tests start an embedded PostgreSQL (PGlite) or build the knowledge index on a worker, which
    // takes tens of seconds on a shared 2-core machine. Speed is measured by `npm run bench`, never by a timeout.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

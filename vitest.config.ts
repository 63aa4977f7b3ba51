import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'server/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    pool: 'forks',
    // Two at a time even on two cores (vitest's default there is one): most files spend their time waiting for a
    // database to start, a file to sync or a worker thread, so the whole unit run takes about a third less.
    maxWorkers: 2,
    // Generous: many tests start an embedded PostgreSQL (PGlite) or build the knowledge index on a worker, which
    // takes tens of seconds on a shared 2-core machine. Speed is measured by `npm run bench`, never by a timeout.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

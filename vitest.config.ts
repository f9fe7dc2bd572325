import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * What `npm run test:fast` runs: test files that need no build and no other process — unit and
 * in-process tests, on the sources. A file is left out when it runs the built CLI (`parley(`), a
 * child process (a script, a crash), a pseudo-terminal, or reads `dist/`; that is how a test says
 * it needs `npm test`'s build. The reliability test runs a script, so it is left out too.
 */
const NEEDS_BUILD_OR_PROCESS = /\bparley\(|helpers\/pty|node:child_process|\bdist\b/;
const all = readdirSync('tests', { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.test.ts'))
  .map((path) => `tests/${path.replaceAll('\\', '/')}`);
const fast = all.filter((path) => !NEEDS_BUILD_OR_PROCESS.test(readFileSync(path, 'utf8')));

export default defineConfig({
  test: {
    // Learning days start at a local hour: tests pin the zone (a DST test sets its own).
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // `npm test` runs both; `npm run test:fast` only the first.
    projects: [
      { extends: true, test: { name: 'fast', include: fast } },
      { extends: true, test: { name: 'built', include: all.filter((path) => !fast.includes(path)) } },
    ],
  },
});

import { createRequire } from 'node:module';

/**
 * A journal entry's unique id. node:crypto costs ~2 ms of start-up, which the review screen would
 * pay before its first card; it loads at the first grade instead.
 */
export function entryId(): string {
  return (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).randomUUID();
}

import { createRequire } from 'node:module';
import type { EncodingGuesser } from '../../core/text/decode.js';

/**
 * jschardet takes ~40 ms to load and is needed only for files that are not UTF-8 or UTF-16, so it
 * is required at the moment decoding asks for a guess (a runtime require the bundler leaves alone).
 */
export const guessEncoding: EncodingGuesser = (bytes) => {
  const load = createRequire(import.meta.url);
  return (load('jschardet') as typeof import('jschardet')).detectAll(Buffer.from(bytes));
};

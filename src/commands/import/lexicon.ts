import { readFileSync } from 'node:fs';
import { parseLexicon, type Lexicon } from '../../core/article/index.js';

/**
 * The dictionary the aligner uses, built from CC-CEDICT into dist/ at build time. Without it
 * (a source checkout that was never built) alignment still works from lengths and anchors.
 */
export function loadLexicon(): Lexicon | undefined {
  try {
    return parseLexicon(readFileSync(new URL('./lexicon.txt', import.meta.url), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

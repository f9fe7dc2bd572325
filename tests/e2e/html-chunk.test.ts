import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const dist = join(ROOT, 'dist');
const chunks = readdirSync(dist).filter((name) => name.endsWith('.cjs'));
const holding = (marker: string) => chunks.filter((name) => readFileSync(join(dist, name), 'utf8').includes(marker));

describe('the HTML tokenizer in the build', () => {
  it('is a chunk of its own, which only the import command requires, and only when it is asked for', () => {
    // htmlparser2's tokenizer and the HTML5 entity table it decodes with.
    expect(holding('EntityDecoder')).toEqual([expect.stringMatching(/^html-tokenizer-\w+\.cjs$/)]);
    const chunk = holding('EntityDecoder')[0]!;
    const requirers = holding(chunk);
    expect(requirers).toEqual([expect.stringMatching(/^import-\w+\.cjs$/)]);
    // A dynamic import after the esbuild CommonJS transform, not a require at load time.
    expect(readFileSync(join(dist, requirers[0]!), 'utf8')).toMatch(new RegExp(`Promise\\.resolve\\(\\)\\.then\\(\\(\\)=>__toESM\\(require\\("\\./${chunk.replace('.', '\\.')}"\\)\\)\\)`));
  });
});

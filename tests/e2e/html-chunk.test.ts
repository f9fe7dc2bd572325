import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const dist = join(ROOT, 'dist');
const chunks = readdirSync(dist).filter((name) => name.endsWith('.cjs'));
const holding = (marker: string) => chunks.filter((name) => readFileSync(join(dist, name), 'utf8').includes(marker));

describe('the HTML tokenizer in the build', () => {
  it('is a chunk of its own, which only the import command requires, and only when it is asked for', () => {
    // htmlparser2's tokenizer and the HTML5 entity table it decodes with; `import URL`'s
    // main-content chunk (linkedom) has its own, and code the two share sits in chunks only they require.
    const lazyHtml = /^(?:html-tokenizer|main-content)-\w+\.cjs$/;
    const decoders = holding('EntityDecoder');
    for (const shared of decoders.filter((name) => !lazyHtml.test(name))) expect(holding(shared).every((name) => lazyHtml.test(name))).toBe(true);
    expect(decoders.filter((name) => /^html-tokenizer-/.test(name))).toHaveLength(1);
    const chunk = decoders.find((name) => /^html-tokenizer-/.test(name))!;
    const requirers = holding(chunk);
    expect(requirers).toEqual([expect.stringMatching(/^import-\w+\.cjs$/)]);
    // A dynamic import after the esbuild CommonJS transform, not a require at load time.
    expect(readFileSync(join(dist, requirers[0]!), 'utf8')).toMatch(new RegExp(`Promise\\.resolve\\(\\)\\.then\\(\\(\\)=>__toESM\\(require\\("\\./${chunk.replace('.', '\\.')}"\\)\\)\\)`));
  });
});

// Attack: a 19.9 MB file that is one line (under the 20 MB cap) crashed `parley import` with
// "RangeError: Maximum call stack size exceeded" in alignDocument (exit 70): the aligner spread an
// input-sized array of beads into one call (`unshift(...beads)`), and a line that long is also one
// paragraph of hundreds of thousands of sentences, which took minutes to align. The same class on the
// import path: regexes that backtrack on long runs of spaces (a `#` heading, a `词汇` header, the gap
// between a sentence and its translation), a sentence splitter that rescanned a run of `!` once
// per mark, and vocabulary notes that searched every pair (or all the Chinese) once per term.
// Fix: no spread of an input-sized array into a call, no recursion, linear regexes and scans; a
// paragraph of more sentences than any real paragraph has is refused in one line, and the banded
// aligner stops widening at a fixed number of cells.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/core/article/index.js';
import { UserError } from '../../src/core/errors.js';
import { parley, tempHome } from '../helpers/cli.js';
// @ts-expect-error -- a plain ESM script without types
import { HUGE_LINE_SHAPES, writeHugeLine } from '../../scripts/reliability/huge-lines.mjs';

const dir = mkdtempSync(join(tmpdir(), 'parley-huge-line-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A proper result (JSON with pairs) or a one-line refusal with exit 1 — never a crash (exit 70). */
function expectHandled(file: string): void {
  const started = performance.now();
  const result = parley(['import', file, '--dry-run', '--json'], { home: tempHome() });
  const seconds = (performance.now() - started) / 1000;
  expect(result.stderr).not.toMatch(/unexpected error|RangeError|\n\s+at /);
  expect([0, 1]).toContain(result.status);
  if (result.status === 0) {
    expect(Array.isArray(JSON.parse(result.stdout).pairs)).toBe(true);
  } else {
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^parley: .+ — .+/);
  }
  // A few seconds on a quiet machine; the bound leaves room for a busy one, not for minutes.
  expect(seconds).toBeLessThan(40);
}

describe('a 19.9 MB file that is one line', () => {
  it.each(HUGE_LINE_SHAPES as string[])('%s: a result or one line, never a crash', (shape) => {
    const file = join(dir, `${shape}.txt`);
    writeHugeLine(file, shape);
    expectHandled(file);
  }, 90_000);
});

describe('more beads than a call takes arguments', () => {
  const para = '我们今天下午去河边散步了。'.repeat(100);
  const english = 'We went for a walk by the river this afternoon.';

  it('1,500 Chinese paragraphs against one English sentence', () => {
    const file = join(dir, 'many-paragraphs.txt');
    writeFileSync(file, `${Array.from({ length: 1500 }, () => para).join('\n\n')}\n\n${english}\n`);
    expectHandled(file);
  }, 90_000);

  it('one Chinese paragraph of 150,000 sentences against one English sentence', () => {
    const file = join(dir, 'one-paragraph.txt');
    writeFileSync(file, `${'我们今天下午去河边散步了。'.repeat(150_000)}\n\n${english}\n`);
    const result = parley(['import', file, '--dry-run', '--json'], { home: tempHome() });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^parley: .*line 1.*150,000 sentences.* — .+\n$/);
  }, 90_000);
});

describe('no regex or scan on the import path is superlinear', () => {
  const pair = '\n\n今天早上市场里的人很多。\n\nThere were many people at the market this morning.\n';
  const cases: [string, string][] = [
    ['a heading followed by a long run of spaces', `# x${' '.repeat(3000)}y`],
    ['a vocabulary header followed by a long run of spaces', `词汇${' '.repeat(200_000)}y`],
    ['a long gap of spaces before a sentence and its translation', `Hi${' '.repeat(150_000)}there now.中文的句子在这里。`],
    ['a long run of exclamation marks inside a word', `Hello${'!'.repeat(80_000)}x`],
  ];
  it.each(cases)('%s', (_name, line) => {
    const started = performance.now();
    try {
      analyseArticle(line + pair);
    } catch (error) {
      // Without the dictionary an odd line may leave nothing to pair: a refusal, not a crash.
      expect(error).toBeInstanceOf(UserError);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a long article with a long word list: each term is looked for once, not once per pair', () => {
    // 20,000 interleaved pairs and 20,000 vocabulary notes whose terms no pair uses: 23 s before.
    const pairs = Array.from({ length: 20_000 }, () => '今天早上市场里的人很多。\nThere were many people at the market this morning.');
    const notes = Array.from({ length: 20_000 }, (_, i) => `*word${i}(adj.)令人不安的`);
    const started = performance.now();
    const analysis = analyseArticle(`${pairs.join('\n')}\n\n生词\n${notes.join('\n')}\n`);
    expect(analysis.vocab).toHaveLength(20_000);
    expect(performance.now() - started).toBeLessThan(8000);
  });
});

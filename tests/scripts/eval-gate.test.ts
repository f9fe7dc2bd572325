// `npm run eval -- --min …` as a gate, on saved predictions (--predictions) so no import runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
const CASE = new URL('tests/fixtures/articles/tea-markdown/', ROOT);
const predictions = mkdtempSync(join(tmpdir(), 'parley-eval-gate-'));
afterAll(() => rmSync(predictions, { recursive: true, force: true }));

/** The gold itself with its last pair dropped: strict recall 6/7, everything else perfect. */
const gold = JSON.parse(readFileSync(new URL('gold.json', CASE), 'utf8')) as { pairs: unknown[]; vocab: unknown[] };
writeFileSync(join(predictions, 'tea-markdown.json'), JSON.stringify({ pairs: gold.pairs.slice(0, -1), vocab: gold.vocab }));

function evaluate(...args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/eval.mjs', CASE.pathname, '--predictions', predictions, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('eval --min', () => {
  it('exits 0 when every case and the total meet their bars', () => {
    const run = evaluate('--min', 'strictP=100,vocabR=100,noise=0', '--min-total', 'strictR=85.7');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^group articles \(1\)/m);
  });

  it('exits 1 with one line per case and figure below its bar', () => {
    const run = evaluate('--min', 'strict=95,merge=95,vocabR=100', '--min-total', 'strictR=90');
    expect(run.stderr.trim().split('\n')).toEqual(['tea-markdown: strict 92.3 < 95', 'tea-markdown: merge 92.3 < 95', 'micro total: strictR 85.7 < 90']);
    expect(run.status).toBe(1);
  });

  it('carries groups and unmet bars in --json', () => {
    const run = evaluate('--json', '--min', 'strict=95');
    const doc = JSON.parse(run.stdout) as { groups: { name: string; cases: string[] }[]; unmet: string[] };
    expect(doc.groups.map((g) => [g.name, g.cases])).toEqual([['articles', ['tea-markdown']]]);
    expect(doc.unmet).toEqual(['tea-markdown: strict 92.3 < 95']);
    expect(run.status).toBe(1);
  });

  it('refuses a figure it does not know, as a usage error', () => {
    const run = evaluate('--min', 'recall=90');
    expect(run.stderr).toMatch(/^eval: --min recall=90: "recall" is not a figure/);
    expect(run.status).toBe(2);
  });
});

// The golden gate: every article case runs in-process through the import command's own path
// (bytes -> decode -> HTML -> analyseArticle, with the dictionary and pinyin index the build puts in
// dist/) and is scored by scripts/eval-metrics.mjs, the scorer `npm run eval` uses. Our fixtures
// must be perfect; the ../shared/eval cases (beside the repository, present in CI) must stay at or
// above their bars in BARS below. Without ../shared/eval those cases are reported skipped.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { casesIn, type EvalCase } from '../../../scripts/eval-cases.mjs';
import { type Bars, type Gold, describeUnmet, figuresOf, scoreCase, unmetBars } from '../../../scripts/eval-metrics.mjs';
import { lazyPinyin, loadLexicon } from '../../../src/commands/artifacts.js';
import { type Artifacts, analyse } from '../../../src/commands/import/index.js';
import { readSource } from '../../../src/commands/import/read-source.js';
import { UserError } from '../../../src/core/errors.js';
import { createTestIO } from '../../helpers/test-io.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = join(ROOT, 'tests/fixtures/articles');
const SHARED = resolve(ROOT, '../shared/eval');

/** Our own fixtures: every pair exact, every vocabulary item and nothing else, nothing leaked. */
const PERFECT: Bars = { strict: 100, vocabP: 100, vocabR: 100, noise: 0, unal: 0 };

/** Every ../shared/eval case, on top of its row in BARS: no noise line and no untranslated sentence on a card. */
const NO_LEAKS: Bars = { noise: 0, unal: 0 };

/**
 * Minima for the ../shared/eval cases, in percent as `npm run eval` prints them: the figures of
 * 2026-11-30, rounded down to one decimal. Raise a row (never lower it) when import gets better:
 * run `npm run build && npm run eval`, and copy the case's F1, merge, vocP and vocR, rounded down.
 * 0 where a case finds no vocabulary yet (its vocabP would otherwise be a vacuous 100). A case that is not in this
 * table runs with NO_LEAKS only: it must import or refuse with a UserError, and leak nothing.
 */
const BARS: Record<string, Bars> = {
  bible_genesis_block:                   { strict: 79.1, merge: 93.2, vocabP: 100, vocabR: 100 },
  real_cdvoice_tianshui:                 { strict: 100,  merge: 100,  vocabP: 100, vocabR: 100 },
  real_cet_trade_surplus:                { strict: 100,  merge: 100,  vocabP: 100, vocabR: 93.7 },
  real_chinadaily_hotwords:              { strict: 100,  merge: 100,  vocabP: 100, vocabR: 100 },
  real_eton_speech:                      { strict: 100,  merge: 100,  vocabP: 100, vocabR: 100 },
  real_netease_online_crush:             { strict: 97.2, merge: 97.2, vocabP: 100, vocabR: 100 },
  real_textbook_spring_festival:         { strict: 100,  merge: 100,  vocabP: 100, vocabR: 100 },
  seed:                                  { strict: 100,  merge: 100,  vocabP: 100, vocabR: 100 },
  tatoeba_block_list:                    { strict: 100,  merge: 100,  vocabP: 100, vocabR: 100 },
  tatoeba_interleaved_enfirst_longsents: { strict: 100,  merge: 100,  vocabP: 100, vocabR: 100 },
  tatoeba_interleaved_short:             { strict: 100,  merge: 100,  vocabP: 100, vocabR: 100 },
  wmt21_news_noise_block:                { strict: 93.3, merge: 100,  vocabP: 100, vocabR: 100 },
  wmt21_news_para_enfirst_medium:        { strict: 100,  merge: 100,  vocabP: 100, vocabR: 100 },
  wmt21_news_short_para_zhfirst:         { strict: 100,  merge: 100,  vocabP: 100, vocabR: 100 },
};

let artifacts: Artifacts | undefined;

/** The CLI's own loaders over dist/ (npm run build, which npm ci and npm test run): results equal the CLI's. */
function builtArtifacts(): Artifacts {
  if (artifacts) return artifacts;
  const dist = new URL('../../../dist/', import.meta.url);
  const lexicon = loadLexicon(dist);
  if (!lexicon) throw new Error('dist/lexicon.utf16le is missing: run npm run build first');
  artifacts = { lexicon, pinyin: lazyPinyin(dist) };
  return artifacts;
}

/**
 * The case as `parley import ART --dry-run --json` sees it, against its bars: a UserError (import
 * refused) scores as no output; any other error is a crash and fails the test.
 */
async function check(testCase: EvalCase, bars: Bars): Promise<{ refused?: string; unmet: string[] }> {
  const gold = JSON.parse(readFileSync(join(testCase.dir, 'gold.json'), 'utf8')) as Gold;
  let output: { pairs: { zh: string; en: string }[]; vocab: { term: string; gloss: string }[] } | undefined;
  let refused: string | undefined;
  try {
    const { analysis } = await analyse(readSource(testCase.article, createTestIO()), {}, builtArtifacts());
    output = { pairs: analysis.pairs, vocab: analysis.vocab };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    refused = error.message;
  }
  const score = scoreCase(output, gold);
  const unmet = unmetBars(figuresOf(score, score.noiseLeaked.length, score.unalignedPaired.length), bars).map(describeUnmet);
  return refused === undefined ? { unmet } : { refused, unmet };
}

describe('golden gate: tests/fixtures/articles', () => {
  for (const testCase of casesIn(FIXTURES)) {
    it(`${testCase.name} imports with every pair and vocabulary item exact, nothing leaked`, async () => {
      expect(await check(testCase, PERFECT)).toEqual({ unmet: [] });
    });
  }
});

// Vitest collects a suite's tests by running its body, so ../shared is listed only when it is there.
if (existsSync(SHARED)) {
  describe('golden gate: ../shared/eval', () => {
    for (const testCase of casesIn(SHARED)) {
      const bars = { ...NO_LEAKS, ...BARS[testCase.name] };
      it(`${testCase.name} stays at or above ${BARS[testCase.name] ? 'its bars' : 'the default bar (no crash, nothing leaked)'}`, async () => {
        expect((await check(testCase, bars)).unmet).toEqual([]);
      });
    }

    it('has a case for every row of the bars table', () => {
      const names = new Set(casesIn(SHARED).map((c) => c.name));
      expect(Object.keys(BARS).filter((name) => !names.has(name))).toEqual([]);
    });
  });
} else {
  it.skip('golden gate: ../shared/eval cases skipped — ../shared/eval not found beside the repository', () => {});
}

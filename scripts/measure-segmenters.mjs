// Compares the Chinese segmenters parley could use for `import --suggest` on the hand-cut sentences
// of tests/core/vocab/segmentation-gold.ts: word F1, and the cost of loading each in a fresh process
// (what every `import --suggest` would pay). Run after `npm run build`: node scripts/measure-segmenters.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'parley-segmenters-'));
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;

// Each candidate as a module that cuts the gold sentences, timing its own loading.
const candidates = {
  'parley: most probable path over CC-CEDICT words, jieba counts': `
    import { loadWordIndexes } from '${root}/src/commands/import/word-indexes.ts';
    import { segment } from '${root}/src/core/vocab/segment.ts';
    const started = performance.now();
    const { words } = loadWordIndexes(new URL('file://${root}/dist/'));
    export const cut = (s) => segment(s, words);
    export const loadMs = performance.now() - started;`,
  'CC-CEDICT longest match over dist/words': `
    import { loadWordIndexes } from '${root}/src/commands/import/word-indexes.ts';
    import { segment } from '${root}/src/core/vocab/segment.ts';
    const started = performance.now();
    const { words } = loadWordIndexes(new URL('file://${root}/dist/'));
    const inCedict = (w) => (words.lookup(w)?.readings.length ?? 0) > 0;
    export const cut = (s) => s.split(/(\\p{Script=Han}+)/u).flatMap((run) => {
      if (!/^\\p{Script=Han}+$/u.test(run)) return segment(run, words);
      const chars = Array.from(run);
      const out = [];
      for (let i = 0; i < chars.length; ) {
        let n = Math.min(words.maxWord, chars.length - i);
        while (n > 1 && !inCedict(chars.slice(i, i + n).join(''))) n--;
        out.push(chars.slice(i, i + n).join(''));
        i += n;
      }
      return out;
    });
    export const loadMs = performance.now() - started;`,
  '@node-rs/jieba (native jieba-rs, HMM on)': `
    import { createRequire } from 'node:module';
    const require = createRequire('${root}/package.json');
    const started = performance.now();
    const { Jieba } = require('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict');
    const jieba = Jieba.withDict(dict);
    export const cut = (s) => jieba.cut(s, true);
    export const loadMs = performance.now() - started;`,
};

const runner = (file) => `
  import { GOLD, wordF1 } from '${root}/tests/core/vocab/segmentation-gold.ts';
  import { cut, loadMs } from '${file}';
  const started = performance.now();
  cut(GOLD[0].replace(/ /g, ''));
  const firstCutMs = performance.now() - started;
  console.log(JSON.stringify({ f1: wordF1((s) => cut(s).filter((w) => w.trim())), loadMs, firstCutMs }));`;

try {
  for (const [name, source] of Object.entries(candidates)) {
    const mod = join(scratch, `${Object.keys(candidates).indexOf(name)}.ts`);
    await import('node:fs').then((fs) => fs.writeFileSync(mod, source));
    const out = join(scratch, 'run.mjs');
    await build({
      stdin: { contents: runner(mod), resolveDir: root, loader: 'ts' }, outfile: out, bundle: true, format: 'esm',
      platform: 'node', target: 'node20', logLevel: 'warning', external: ['@node-rs/jieba', '@node-rs/jieba/dict'],
      banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
    });
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(JSON.parse(spawnSync(process.execPath, [out], { env, encoding: 'utf8' }).stdout));
    const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[2];
    console.log(`${name}: word F1 ${(runs[0].f1 * 100).toFixed(1)} %, load ${median('loadMs').toFixed(1)} ms, first sentence ${median('firstCutMs').toFixed(1)} ms`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

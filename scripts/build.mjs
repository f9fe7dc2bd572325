// Bundles the CLI so start-up does not resolve hundreds of node_modules files; command modules
// stay in their own chunks (code splitting) so each command loads only what it needs.
import { build, transform } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildLexicon } from './build-lexicon.mjs';
import { buildEnglish } from './build-english.mjs';
import { buildPinyin } from './build-pinyin.mjs';
import { buildWords } from './build-words.mjs';
import { trainCodeCache } from './code-cache.mjs';

/**
 * commander requires node:child_process at load time for executable subcommands, which parley
 * does not use; loading it costs every command ~2 ms of start-up. This hands commander a stand-in
 * that loads the real module only if it is ever touched.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('node_modules/commander/') ? { path: 'child_process', namespace: 'lazy' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });
mkdirSync(`${root}/dist`, { recursive: true });
const esm = await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  write: false,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  // Smaller files parse faster; identifiers stay, so a bug's stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [lazyChildProcess],
  logLevel: 'warning',
});
// Each chunk becomes a CommonJS function body that src/cli/start.ts compiles through V8's code
// cache, which Node 20 offers only for scripts, not for ES modules.
for (const chunk of esm.outputFiles) {
  const { code } = await transform(chunk.text, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    define: { 'import.meta.url': '__parleyUrl' },
    // A chunk's import() of another chunk becomes a require() that start.ts answers.
    supported: { 'dynamic-import': false },
    minifyWhitespace: true,
    minifySyntax: true,
  });
  // vm.Script gives compiled code no module loader: an import() left behind would fail at run time.
  if (/\bimport\(/.test(code)) throw new Error(`${chunk.path}: a dynamic import() survived the CommonJS transform`);
  const url = code.includes('__parleyUrl') ? 'var __parleyUrl=require("node:url").pathToFileURL(__filename).href;' : '';
  writeFileSync(chunk.path, url + code);
}
await build({
  absWorkingDir: root,
  entryPoints: { start: 'src/cli/start.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
// The aligner's bilingual dictionary and the pinyin index, both from CC-CEDICT, read page by page at run time.
await buildLexicon(`${root}/dist/lexicon`);
await buildPinyin(`${root}/dist/pinyin`);
// The word indexes `import --suggest` reads: Chinese words (segmentation, rarity, senses) and English lemmas.
await buildWords(`${root}/dist/words`);
await buildEnglish(`${root}/dist/english`);
await trainCodeCache();

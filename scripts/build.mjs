// Bundles the CLI so start-up does not resolve hundreds of node_modules files; command modules
// stay in their own chunks (code splitting) so each command loads only what it needs.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildLexicon } from './build-lexicon.mjs';
import { buildPinyin } from './build-pinyin.mjs';

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
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  chunkNames: '[name]-[hash]',
  // Some dependencies are CommonJS and call require() for Node built-ins.
  banner: { js: "import { createRequire as __parleyRequire } from 'node:module'; const require = __parleyRequire(import.meta.url);" },
  // Smaller files parse faster; identifiers stay, so a bug's stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [lazyChildProcess],
  logLevel: 'warning',
});
// The aligner's bilingual dictionary and the pinyin index, both from CC-CEDICT, read page by page at run time.
await buildLexicon(`${root}/dist/lexicon`);
await buildPinyin(`${root}/dist/pinyin`);

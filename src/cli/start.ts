/**
 * Loads the bundled CLI's chunks (dist/*.cjs) through V8's code cache. A cold process otherwise
 * spends a good part of its life compiling parley's JavaScript, every run, and Node 20 has no
 * compile cache of its own. The build trains one cache per chunk (scripts/code-cache.mjs); a cache
 * V8 rejects (another Node, an edited chunk) only costs the compile it would have saved.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

interface Chunk {
  script: Script;
  file: string;
  module: { exports: Record<string, unknown> };
}

const chunks = new Map<string, Chunk>();
const requireOutside = createRequire(join(__dirname, 'cli.cjs'));
/** Chunks name each other `./name.cjs`; everything else (node:, packages) is Node's to load. */
const requireChunk = Object.assign(
  (id: string) => (id.startsWith('./') ? load(id.slice(2)) : requireOutside(id)),
  requireOutside,
);

function load(name: string): Record<string, unknown> {
  const known = chunks.get(name);
  if (known) return known.module.exports;
  const file = join(__dirname, name);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    // Not trained: compile as usual.
  }
  const source = readFileSync(file, 'utf8');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const chunk: Chunk = { script, file, module: { exports: {} } };
  chunks.set(name, chunk);
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(chunk.module.exports, requireChunk, chunk.module, file, __dirname);
  return chunk.module.exports;
}

/** Runs `parley ARGV…` in this process. */
export function start(argv = process.argv.slice(2)): void {
  const { main } = load('cli.cjs') as { main: (argv: string[]) => Promise<number> };
  void main(argv).then((code) => {
    process.exitCode = code;
  });
}

/** For the build: the code every chunk loaded so far has compiled, added to its cache. */
export function saveCaches(): void {
  for (const chunk of chunks.values()) writeFileSync(`${chunk.file}.cache`, chunk.script.createCachedData());
}

/** For the bench: the chunks loaded so far whose code cache V8 rejected, which then cost a full compile. */
export function rejectedCaches(): string[] {
  return [...chunks].filter(([, chunk]) => chunk.script.cachedDataRejected === true).map(([name]) => name);
}

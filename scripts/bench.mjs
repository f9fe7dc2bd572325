// `npm run bench`: whole-process timings as ratios to `node -e 0` measured in the same run (the
// machines are shared and noisy, absolute times mean little), plus in-process latencies.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { makeBook } from './bench-book.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);
// NODE_EXTRA_CA_CERTS makes every node start ~85 ms slower here; it is not parley's cost.
const env = { ...process.env, NO_COLOR: '1' };
delete env.NODE_EXTRA_CA_CERTS;

const require = createRequire(import.meta.url);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(args, extraEnv = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

/** Milliseconds from spawning `parley review` on a pseudo-terminal to its first card on screen. */
function firstCard(home, now) {
  const pty = require('@lydell/node-pty');
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const term = pty.spawn(process.execPath, [join(root, 'bin', 'parley.js'), 'review'], {
      cols: 80, rows: 24, env: { ...env, PARLEY_HOME: home, PARLEY_NOW: now.toISOString(), TERM: 'xterm' },
    });
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no card on screen: ${seen.slice(-500)}`)), 20_000);
    term.onData((data) => {
      seen += data;
      if (/learn \d+\s+due \d+/.test(seen) && seen.includes('show')) {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        clearTimeout(timer);
        term.write('q');
        term.onExit(() => resolve(ms));
      }
    });
  });
}

/** Seconds and peak RSS (MB) of one dry-run import, measured by GNU time when the machine has it. */
function importCost(file) {
  const args = [join(root, 'bin', 'parley.js'), 'import', file, '--dry-run', '--json', '--home', join(file, '..', 'home')];
  const gnuTime = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  if (gnuTime.status === 0) {
    const [seconds, kb] = gnuTime.stderr.trim().split('\n').at(-1).split(' ').map(Number);
    return { seconds, rssMb: kb / 1024 };
  }
  return { seconds: time(args) / 1000, rssMb: NaN };
}

/** Runs the cases round-robin so drift in machine load hits all of them alike. */
function compare(cases) {
  const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (const [, c] of Object.entries(cases)) time(c.args, c.env);
  for (let i = 0; i < runs; i++) for (const [name, c] of Object.entries(cases)) samples[name].push(time(c.args, c.env));
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

const lib = join(root, 'node_modules', '.cache', 'parley', 'bench-lib.mjs');
await build({
  absWorkingDir: root, entryPoints: ['scripts/bench-lib.ts'], outfile: lib, bundle: true, format: 'esm',
  platform: 'node', target: 'node20', logLevel: 'warning',
  banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
});
const { makeHome, gradeLatencies, nextCardLatencies } = await import(lib);

const home = mkdtempSync(join(tmpdir(), 'parley-bench-'));
const now = new Date('2026-11-29T10:00:00Z');
const results = [];
const report = (name, value, target, unit = '×') => {
  const ok = value <= target;
  results.push(ok);
  console.log(`${ok ? 'ok  ' : 'MISS'} ${name.padEnd(44)} ${value.toFixed(2).padStart(7)}${unit}  (target ≤ ${target}${unit})`);
};
try {
  await makeHome(home, { decks: 5, notesPerDeck: 2000, reviewed: 1200, now });
  const cli = join(root, 'bin', 'parley.js');
  const seed = join(root, '..', 'shared', 'eval', 'seed', 'article.txt');
  const m = compare({
    node: { args: ['-e', '0'] },
    seed: { args: [cli, 'import', seed, '--dry-run', '--json', '--home', join(home, 'seed-home')] },
    version: { args: [cli, '--version'] },
    decks: { args: [cli, 'decks', '--json', '--home', home], env: { PARLEY_NOW: now.toISOString() } },
  });
  console.log(`node -e 0 median ${m.node.toFixed(1)} ms over ${runs} runs; 20,000-card home`);
  report('start-up: parley --version', m.version / m.node, 1.5);
  report('start-up: parley decks --json (20,000 cards)', m.decks / m.node, 2.5);
  report('import of the seed article, end to end', m.seed / m.node, 3);
  const book = makeBook(5000);
  const double = makeBook(10000);
  writeFileSync(join(home, 'book.txt'), book.text);
  writeFileSync(join(home, 'double.txt'), double.text);
  const one = importCost(join(home, 'book.txt'));
  const two = importCost(join(home, 'double.txt'));
  report(`import of a ${book.zh.toLocaleString()} × ${book.en.toLocaleString()}-sentence book`, one.seconds, 5, ' s');
  report('  its peak memory', one.rssMb, 300, ' MB');
  report('  twice the book, time ratio', two.seconds / one.seconds, 2.2);
  const nodeSamples = [];
  const cardSamples = [];
  await firstCard(home, now); // yesterday's session, which leaves the queue index
  for (let i = 0; i < Math.max(5, Math.floor(runs / 2)); i++) {
    nodeSamples.push(time(['-e', '0']));
    cardSamples.push(await firstCard(home, now));
  }
  report('first card on screen: parley review (20,000)', median(cardSamples) / median(nodeSamples), 2.5);
  // The figure above starts from the queue index the previous session left; the first session after
  // an import (or with the index gone) loads every deck and schedule before drawing.
  const coldSamples = [];
  for (let i = 0; i < 5; i++) {
    rmSync(join(home, 'state', '_queue.json'), { force: true });
    coldSamples.push(await firstCard(home, now));
  }
  console.log(`     first card with no queue index: ${(median(coldSamples) / median(nodeSamples)).toFixed(2)}×`);
  const latencies = gradeLatencies(home, now, 200);
  report('grade persist, median (20,000 cards)', median(latencies), 10, ' ms');
  report('grade to next card, median (20,000 cards)', median(nextCardLatencies(home, now, 100)), 10, ' ms');
  console.log(`     grade persist p95 ${[...latencies].sort((a, b) => a - b)[Math.floor(latencies.length * 0.95)].toFixed(2)} ms`);
} finally {
  rmSync(home, { recursive: true, force: true });
}
process.exitCode = results.every(Boolean) ? 0 : 1;

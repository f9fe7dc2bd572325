// `npm run bench`: whole-process timings as ratios to `node -e 0` measured in the same run (the
// machines are shared and noisy, absolute times mean little), plus in-process latencies, on a home
// shaped like a real learner's (tests/helpers/learner-home.ts).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { makeBook } from './bench-book.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);
// NODE_EXTRA_CA_CERTS makes every node start ~85 ms slower here; it is not parley's cost.
const env = { ...process.env, NO_COLOR: '1' };
delete env.NODE_EXTRA_CA_CERTS;
const cli = join(root, 'bin', 'parley.js');
const now = new Date('2026-11-29T10:00:00Z');

const require = createRequire(import.meta.url);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Milliseconds to run `node ARGS…` (or another program, `exe`, in `cwd`) to its exit. */
function time(args, extraEnv = {}, exe = process.execPath, cwd = root) {
  const start = process.hrtime.bigint();
  const result = spawnSync(exe, args, { cwd, env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

/**
 * Milliseconds from spawning `node NODE_ARGS…` (by default `parley review`) on a pseudo-terminal
 * to its first card on screen; then it quits.
 */
function firstCard(home, nodeArgs = [cli, 'review']) {
  const pty = require('@lydell/node-pty');
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const term = pty.spawn(process.execPath, nodeArgs, {
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

/** Every file under `dir` (by relative path) with its size and modification time. */
function fingerprint(dir) {
  const out = new Map();
  for (const name of readdirSync(dir, { recursive: true })) {
    const stat = statSync(join(dir, name));
    if (stat.isFile()) out.set(name, `${stat.size}:${stat.mtimeMs}`);
  }
  return out;
}

/** The files made, changed or removed between two fingerprints. */
function changed(before, after) {
  return [...new Set([...before.keys(), ...after.keys()])].filter((name) => before.get(name) !== after.get(name)).sort();
}

/**
 * `cp -a` keeps nanosecond modification times, which caches compare to know a file unchanged; fs.cpSync rounds them.
 * The copy stays the same device, as the learner's own home is (a copy elsewhere is another device).
 */
function copyHome(from, to) {
  const result = spawnSync('cp', ['-a', from, to], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`cp -a ${from} ${to}: ${result.stderr}`);
  keepDevice(from, to);
}

/**
 * First card on screen of `parley ARGS…` over `node -e 0`, each run on its own copy of `home`
 * (`prepare` may change a copy first), so every run starts from the same state whatever a run
 * writes; with the files a run that quits at once wrote.
 */
async function firstCardRatio(home, args, count, prepare = () => {}) {
  const copies = Array.from({ length: count }, (_, i) => `${home}-copy-${i}`);
  try {
    for (const copy of copies) {
      copyHome(home, copy);
      prepare(copy);
    }
    spawnSync('sync');
    const before = fingerprint(copies[0]);
    const nodeSamples = [];
    const cardSamples = [];
    for (const copy of copies) {
      nodeSamples.push(time(['-e', '0']));
      cardSamples.push(await firstCard(copy, [cli, ...args]));
    }
    return { ratio: median(cardSamples) / median(nodeSamples), writes: changed(before, fingerprint(copies[0])) };
  } finally {
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  }
}

const listed = (files) => (files.length > 3 ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more` : files.join(', '));

/**
 * The chunks whose code cache V8 rejected while `parley ARGS…` ran (on a terminal for a review),
 * from a process that starts the CLI as bin/parley.js does and, at exit, writes what it saw.
 */
async function rejectedCaches(args, home, scratch) {
  const report = join(scratch, 'rejected.json');
  const start = join(root, 'dist', 'start.cjs');
  const script = `const s = require(${JSON.stringify(start)});
process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify(s.rejectedCaches())));
s.start(process.argv.slice(1));`;
  rmSync(report, { force: true });
  if (args[0] === 'review') await firstCard(home, ['-e', script, '--', ...args]);
  else time(['-e', script, '--', ...args], { PARLEY_HOME: home, PARLEY_NOW: now.toISOString() });
  return JSON.parse(readFileSync(report, 'utf8'));
}

/** Seconds and peak RSS (MB) of one dry-run import, measured by GNU time when the machine has it. */
function importCost(file) {
  const args = [cli, 'import', file, '--dry-run', '--json', '--home', join(file, '..', 'home')];
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
  for (const [, c] of Object.entries(cases)) time(c.args, c.env, c.exe, c.cwd);
  for (let i = 0; i < runs; i++) for (const [name, c] of Object.entries(cases)) samples[name].push(time(c.args, c.env, c.exe, c.cwd));
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

/**
 * `parley sync` when neither the home nor its remote (a bare repository on this disk) has anything
 * new, against the git commands such a sync cannot do without, `git fetch` and `git status`, run
 * in the home by one shell; and against `parley --version`, the CLI's own frame, and `node -e 0`,
 * so the lines show how much is git, how much is node and how much is parley.
 */
function syncWithNothingNew() {
  if (spawnSync('git', ['--version'], { env }).status !== 0) {
    console.log('     sync with nothing new: skipped, git is not on PATH');
    return;
  }
  const synced = join(scratch, 'synced');
  const remote = join(scratch, 'remote.git');
  copyHome(home, synced);
  spawnSync('git', ['init', '-q', '--bare', remote], { env });
  for (const args of [['sync', remote], ['sync']]) {
    const result = spawnSync(process.execPath, [cli, ...args, '--home', synced], { env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`parley ${args.join(' ')}: ${result.stderr}`);
  }
  const m = compare({
    node: { args: ['-e', '0'] },
    version: { args: [cli, '--version'] },
    sync: { args: [cli, 'sync', '--home', synced] },
    git: { exe: 'sh', args: ['-c', 'git fetch --quiet && git status --porcelain'], cwd: synced },
  });
  console.log(`     sync with nothing new (medians of ${runs}): parley sync ${m.sync.toFixed(1)} ms; git fetch + git status ${m.git.toFixed(1)} ms; parley --version ${m.version.toFixed(1)} ms; node -e 0 ${m.node.toFixed(1)} ms`);
  report('sync with nothing new, over fetch + status', m.sync / m.git, 1.5);
  console.log(`     the same sync over parley --version: ${(m.sync / m.version).toFixed(2)}×; node -e 0 alone is ${(m.node / m.git).toFixed(2)}× fetch + status (node's start-up and the two commands one after the other: ${((m.node + m.git) / m.git).toFixed(2)}×)`);
}

const lib = join(root, 'node_modules', '.cache', 'parley', 'bench-lib.mjs');
await build({
  absWorkingDir: root, entryPoints: ['scripts/bench-lib.ts'], outfile: lib, bundle: true, format: 'esm',
  platform: 'node', target: 'node20', logLevel: 'warning',
  banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
});
const { makeLearnerHome, gradeLatencies, nextCardLatencies, keepDevice } = await import(lib);

const scratch = mkdtempSync(join(tmpdir(), 'parley-bench-'));
const home = join(scratch, 'home');
const results = [];
const report = (name, value, target, unit = '×') => {
  const ok = value <= target;
  results.push(ok);
  console.log(`${ok ? 'ok  ' : 'MISS'} ${name.padEnd(44)} ${value.toFixed(2).padStart(7)}${unit}  (target ≤ ${target}${unit})`);
};
try {
  const built = performance.now();
  const shape = await makeLearnerHome(home, now);
  const entries = Object.entries(shape.entries).map(([type, n]) => `${n.toLocaleString()} ${type}`).join(', ');
  const names = { 0: 'new', 1: 'learning', 2: 'review', 3: 'relearning', suspended: 'suspended' };
  const states = Object.entries(shape.states).map(([state, n]) => `${n.toLocaleString()} ${names[state]}`).join(', ');
  console.log(`home: ${shape.decks} decks, ${shape.cards.toLocaleString()} cards; two days of sessions wrote ${entries}; cards studied: ${states}; built in ${((performance.now() - built) / 1000).toFixed(1)} s`);
  // The home as the learner's last session left it, before today's first command.
  await firstCard(home);

  const commands = [['--version'], ['decks', '--json'], ['review']];
  let rejections = 0;
  for (const args of commands) {
    const rejected = await rejectedCaches(args, home, scratch);
    rejections += rejected.length;
    if (rejected.length) console.log(`NOTE V8 rejected the code cache of ${rejected.join(', ')} (parley ${args.join(' ')}): they compile from source`);
  }
  if (!rejections) console.log(`code cache: V8 took every chunk's cache in ${commands.map((a) => `parley ${a.join(' ')}`).join(', ')}`);

  const seed = join(root, '..', 'shared', 'eval', 'seed', 'article.txt');
  const settled = fingerprint(home);
  const m = compare({
    node: { args: ['-e', '0'] },
    seed: { args: [cli, 'import', seed, '--dry-run', '--json', '--home', join(scratch, 'seed-home')] },
    suggest: { args: [cli, 'import', seed, '--dry-run', '--json', '--suggest', '8', '--home', join(scratch, 'seed-home')] },
    version: { args: [cli, '--version'] },
    decks: { args: [cli, 'decks', '--json', '--home', home], env: { PARLEY_NOW: now.toISOString() } },
  });
  const decksWrote = changed(settled, fingerprint(home));
  console.log(`node -e 0 median ${m.node.toFixed(1)} ms over ${runs} runs${decksWrote.length ? `; decks --json wrote ${decksWrote.join(', ')}` : ''}`);
  report('start-up: parley --version', m.version / m.node, 1.5);
  report('start-up: parley decks --json', m.decks / m.node, 2.0);
  report('import of the seed article, end to end', m.seed / m.node, 3);
  report('  the same with --suggest 8', m.suggest / m.node, 4);
  syncWithNothingNew();

  const book = makeBook(5000);
  const double = makeBook(10000);
  mkdirSync(join(scratch, 'books'));
  writeFileSync(join(scratch, 'books', 'book.txt'), book.text);
  writeFileSync(join(scratch, 'books', 'double.txt'), double.text);
  const one = importCost(join(scratch, 'books', 'book.txt'));
  const two = importCost(join(scratch, 'books', 'double.txt'));
  report(`import of a ${book.zh.toLocaleString()} × ${book.en.toLocaleString()}-sentence book`, one.seconds, 5, ' s');
  report('  its peak memory', one.rssMb, 300, ' MB');
  report('  twice the book, time ratio', two.seconds / one.seconds, 2.2);

  for (const args of [['review'], ['review', 'deck-3']]) {
    const { ratio, writes } = await firstCardRatio(home, args, runs);
    report(`first card on screen: parley ${args.join(' ')}`, ratio, 2.5);
    console.log(`     one that quits at once ${writes.length ? `wrote ${listed(writes)}` : 'writes nothing'}`);
  }
  // The first session after an import, or after the derived files were lost: only the decks, the
  // journals and the settings to start from, and this machine's device id.
  const kept = new Set(['decks', 'journal', 'settings.json', 'local.json']);
  const cold = await firstCardRatio(home, ['review'], 5, (copy) => {
    for (const name of readdirSync(copy)) if (!kept.has(name)) rmSync(join(copy, name), { recursive: true, force: true });
  });
  console.log(`     first card from the decks and journal alone: ${cold.ratio.toFixed(2)}× (it wrote ${listed(cold.writes)})`);

  const latencies = gradeLatencies(home, now, 200);
  report('grade persisted, median', median(latencies), 10, ' ms');
  report('grade to next card, median', median(nextCardLatencies(home, now, 100)), 10, ' ms');
  console.log(`     grade persisted p95 ${[...latencies].sort((a, b) => a - b)[Math.floor(latencies.length * 0.95)].toFixed(2)} ms`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exitCode = results.every(Boolean) ? 0 : 1;

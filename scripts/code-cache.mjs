// Trains the code cache src/cli/start.ts loads: runs the commands users run most, each in its own
// process, and after each one adds what V8 compiled to every chunk's cache (a chunk loaded from its
// cache keeps what earlier runs put there). Run by scripts/build.mjs after bundling.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const start = join(root, 'dist', 'start.cjs');
const train = `const s = require(${JSON.stringify(start)}); process.on('exit', s.saveCaches); s.start(process.argv.slice(1));`;
const sample = join(root, 'decks', 'morning-market.txt');
const fixture = join(root, 'tests', 'fixtures', 'articles', 'dumplings-zh-en-annotated', 'article.txt');

/** The review screen needs a terminal; without node-pty (a production install) review goes untrained. */
function reviewInTerminal(env) {
  let pty;
  try {
    pty = createRequire(import.meta.url)('@lydell/node-pty');
  } catch {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const term = pty.spawn(process.execPath, ['-e', train, '--', 'review'], { cols: 80, rows: 24, env: { ...env, TERM: 'xterm-256color' } });
    const keys = [' ', '3', ' ', '1', 'u', 'q'];
    let seen = '';
    const timer = setTimeout(() => term.kill(), 10_000);
    term.onData((data) => {
      seen += data;
      // One key per drawn frame: each frame ends with the key help (`… q quit`).
      if (data.includes('quit') && keys.length) term.write(keys.shift());
    });
    term.onExit(() => {
      clearTimeout(timer);
      resolve(seen);
    });
  });
}

/**
 * `parley sync` with a bare repository beside the home, twice: the first makes the repository and
 * pushes, the second is the sync with nothing new a user runs most. Without git it goes untrained.
 */
function syncWithGit(home, env) {
  const remote = `${home}-remote.git`;
  try {
    // A build run by a git hook has GIT_DIR and the like set, which would point this git elsewhere.
    const gitEnv = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('GIT_')));
    if (spawnSync('git', ['init', '-q', '--bare', remote], { env: gitEnv, stdio: 'ignore' }).status !== 0) return;
    for (const args of [['sync', remote], ['sync']]) spawnSync(process.execPath, ['-e', train, '--', ...args], { env, stdio: 'ignore' });
  } finally {
    rmSync(remote, { recursive: true, force: true });
  }
}

export async function trainCodeCache() {
  const home = mkdtempSync(join(tmpdir(), 'parley-train-'));
  const env = { ...process.env, PARLEY_HOME: home };
  delete env.NO_COLOR;
  try {
    const steps = [
      ['--version'],
      ['--help'],
      ['import', sample, '--dry-run', '--json'],
      ['import', fixture, '--dry-run'],
      ['import', sample],
      ['decks', '--json'],
      ['decks'],
      ['stats'],
      ['show', 'morning-market'],
      ['config'],
      ['config', 'set', 'newPerDay', '20'],
    ];
    for (const args of steps) spawnSync(process.execPath, ['-e', train, '--', ...args], { env, stdio: 'ignore' });
    syncWithGit(home, env);
    // Twice: the first session saves the queue index the second one starts from.
    await reviewInTerminal(env);
    await reviewInTerminal(env);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

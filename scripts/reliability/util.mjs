// Small helpers shared by the sections of scripts/reliability.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/**
 * The CLI under test: a private copy of bin/ and dist/ (taken by `freezeCli`), so another build of
 * the working tree during a run cannot pull the files from under it. node_modules still resolves.
 */
export const FROZEN = join(ROOT, 'node_modules', '.cache', 'parley', `reliability-cli-${process.pid}`);
export let CLI = join(ROOT, 'bin', 'parley.js');

export function freezeCli() {
  for (let attempt = 0; attempt < 20; attempt++) {
    rmSync(FROZEN, { recursive: true, force: true });
    mkdirSync(FROZEN, { recursive: true });
    try {
      cpSync(join(ROOT, 'bin'), join(FROZEN, 'bin'), { recursive: true });
      cpSync(join(ROOT, 'dist'), join(FROZEN, 'dist'), { recursive: true });
      cpSync(join(ROOT, 'package.json'), join(FROZEN, 'package.json'));
      if (existsSync(join(FROZEN, 'dist', 'cli.cjs')) && existsSync(join(FROZEN, 'dist', 'lexicon.utf16le'))) {
        CLI = join(FROZEN, 'bin', 'parley.js');
        return CLI;
      }
    } catch {
      // a build was rewriting dist/: try again
    }
    spawnSync('sleep', ['1']);
  }
  throw new Error('dist/ is incomplete — run `npm run build` first');
}
const require = createRequire(import.meta.url);

/** A clean environment: no colour, no CA-certificate start-up cost, no inherited PARLEY_*. */
export function baseEnv(extra = {}) {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', TZ: 'UTC', ...extra };
}

export function parley(args, { home, env = {}, input = '', timeout = 60_000 } = {}) {
  const e = baseEnv(env);
  if (home) e.PARLEY_HOME = home;
  const r = spawnSync(process.execPath, [CLI, ...args], { env: e, input, encoding: 'utf8', timeout });
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export function parleyAsync(args, { home, env = {}, input = '' } = {}) {
  const e = baseEnv(env);
  if (home) e.PARLEY_HOME = home;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: e });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** sha256 of every file under `dir` (recursively), keyed by relative path; lock files left out. */
export function snapshotFiles(dir) {
  const out = {};
  if (!existsSync(dir)) return out;
  const walk = (rel) => {
    const abs = join(dir, rel);
    const st = lstatSync(abs);
    if (st.isDirectory()) for (const name of readdirSync(abs)) walk(rel ? join(rel, name) : name);
    else if (st.isFile()) out[rel] = createHash('sha256').update(readFileSync(abs)).digest('hex');
  };
  walk('');
  return out;
}

export function diffSnapshots(a, b) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => a[k] !== b[k]).sort();
}

/** A stack trace, or the bug exit code, in a command's output. */
export function looksLikeCrash(result) {
  return result.status === 70 || /\n\s+at .+[:(]\d+/.test(result.stderr) || /unexpected error/.test(result.stderr) || result.signal != null;
}

export function stderrLines(result) {
  return result.stderr.split('\n').filter((l) => l.trim() !== '');
}

export function plain(text) {
  return text.replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '').replace(/\x1b[()][0-9A-B]/g, '').replace(/\r/g, '');
}

/** parley on a pseudo-terminal. */
export function terminal(args, env, size = { cols: 80, rows: 24 }) {
  const pty = require('@lydell/node-pty');
  const p = pty.spawn(process.execPath, [CLI, ...args], { cols: size.cols, rows: size.rows, cwd: ROOT, env: { ...baseEnv(env), TERM: 'xterm-256color' } });
  const t = { pty: p, buffer: '', exited: false, exitCode: null, listeners: new Set() };
  p.onData((d) => {
    t.buffer += d;
    for (const l of [...t.listeners]) l();
  });
  t.exit = new Promise((resolve) => p.onExit(({ exitCode, signal }) => {
    t.exited = true;
    t.exitCode = exitCode;
    t.signal = signal;
    for (const l of [...t.listeners]) l();
    resolve({ exitCode, signal });
  }));
  /** Resolves with the text once `test(buffer from `from`)` holds; null on exit or timeout. */
  t.waitFor = (test, from, timeoutMs = 20_000) => new Promise((resolve) => {
    const check = () => {
      const seen = t.buffer.slice(from);
      if (test(seen)) return done(seen);
      if (t.exited) return done(null);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    const done = (v) => {
      clearTimeout(timer);
      t.listeners.delete(check);
      resolve(v);
    };
    t.listeners.add(check);
    check();
  });
  return t;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A small seeded PRNG (xorshift32), so a run can be repeated with --seed. */
export function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 2 ** 32;
  };
}

/** Runs `fn` over `items` with at most `n` at a time. */
export async function pool(items, n, fn) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  }));
  return results;
}

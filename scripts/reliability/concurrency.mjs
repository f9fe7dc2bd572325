// Concurrency: two processes grading the same decks at once (real FSRS outcomes on a shared pool
// of cards, so they keep colliding), then every card's state must equal a replay of its reviews
// and no review may be lost or doubled.
import { spawn, execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parley } from './util.mjs';

function runGrader(lib, home, slugs, count, tag, seed, startAt) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [lib, 'grade', home, slugs.join(','), String(count), tag, String(seed), String(startAt)], { env: { PATH: process.env.PATH } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (status) => {
      const acks = out.split('\n').filter((l) => l.startsWith('ack ')).map((l) => l.slice(4));
      const retries = Number(/retries (\d+)/.exec(out)?.[1] ?? 0);
      resolve({ status, acks, retries, err });
    });
  });
}

export async function concurrency({ grades, template, workDir, lib, helpers, seed }) {
  const home = join(workDir, 'concurrency');
  helpers.copyHome(template, home);
  const slugs = ['deck-0', 'deck-1'];
  const seeded = JSON.parse(execFileSync(process.execPath, [lib, 'check-store', home, slugs.join(',')], { encoding: 'utf8' })).entries;
  const started = Date.now();
  const startAt = Date.now() + 1000;
  const [a, b] = await Promise.all([
    runGrader(lib, home, slugs, grades, 'A', seed, startAt),
    runGrader(lib, home, slugs, grades, 'B', seed + 1, startAt),
  ]);
  const ms = Date.now() - Math.max(started, startAt);
  const check = JSON.parse(execFileSync(process.execPath, [lib, 'check-store', home, slugs.join(',')], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  const failures = [];
  for (const [name, g] of [['A', a], ['B', b]]) {
    if (g.status !== 0) failures.push(`grader ${name} exited ${g.status}: ${g.err.trim().split('\n')[0]}`);
    if (g.acks.length !== grades) failures.push(`grader ${name} acknowledged ${g.acks.length} of ${grades}`);
  }
  const reviews = check.entries - seeded;
  const ids = new Set(check.ids);
  const missing = [...a.acks, ...b.acks].filter((id) => !ids.has(id)).length;
  if (!check.readable) failures.push(`store unreadable: ${check.error}`);
  if (reviews !== 2 * grades) failures.push(`${reviews} reviews in the journal, expected ${2 * grades}`);
  if (missing) failures.push(`${missing} acknowledged reviews missing`);
  if (check.duplicateIds) failures.push(`${check.duplicateIds} reviews twice in the journal`);
  if (check.replayMismatches) failures.push(`${check.replayMismatches} cards differ from a replay of their reviews`);
  if (check.chainBreaks) failures.push(`${check.chainBreaks} reviews were given on a stale card state (a lost update)`);
  // And parley itself reads the result, state file and all.
  const decks = parley(['decks', '--json'], { home, env: { PARLEY_NOW: '2026-11-29T10:00:00Z' } });
  if (decks.status !== 0) failures.push(`parley decks after the run: exit ${decks.status}: ${decks.stderr.trim()}`);
  rmSync(home, { recursive: true, force: true });
  return { reviews, missing, duplicates: check.duplicateIds, mismatches: check.replayMismatches + check.chainBreaks, retries: a.retries + b.retries, ms, failures };
}

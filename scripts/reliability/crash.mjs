// Crash: kill -9 a scripted review session (on a pseudo-terminal) at a random moment, then check
// that the store loads and every grade the session acknowledged is in the journal exactly once.
// A grade (or undo, suspend, bury) is acknowledged when the frame after its key is drawn: the
// session commits (fsync) before it draws.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parleyAsync, pool, rng, terminal } from './util.mjs';

const FRAME_END = /q quit\x1b\[K\x1b\[J/;
const NOW = '2026-11-29T10:00:00Z';

/** One session: keys as fast as frames come, a kill after `killAfterMs`. */
async function oneKill(template, workDir, lib, helpers, i, random) {
  const journalLines = (home) => helpers.allJournalLines(home).filter((l) => l.trim()).length;
  const home = join(workDir, `kill-${i}`);
  helpers.copyHome(template, home);
  const seeded = journalLines(home);
  const t = terminal(['review', '--new', '200'], { PARLEY_HOME: home, PARLEY_NOW: NOW });
  let acked = 0;
  let sent = 0;
  let undoable = 0;
  let killed = false;
  const killAfterMs = Math.floor(random() * 2500);
  const timer = setTimeout(() => {
    killed = true;
    try {
      t.pty.kill('SIGKILL');
    } catch {
      // already gone
    }
  }, killAfterMs);
  // Drive: reveal, grade (sometimes undo, suspend or bury instead), wait for the next frame.
  let from = 0;
  let frame = await t.waitFor((s) => FRAME_END.test(s), from);
  while (frame !== null && !killed) {
    from = t.buffer.length;
    const r = random();
    let key;
    if (/1 Again/.test(frame)) key = String(1 + Math.floor(random() * 4));
    else if (r < 0.05 && undoable > 0) key = 'u';
    else if (r < 0.08) key = 's';
    else if (r < 0.1) key = 'b';
    else key = ' ';
    const appends = key !== ' ';
    t.pty.write(key);
    if (appends) sent++;
    if (appends) undoable += key === 'u' ? -1 : 1;
    frame = await t.waitFor((s) => FRAME_END.test(s), from, 10_000);
    if (frame !== null && appends) acked++;
  }
  await t.exit;
  clearTimeout(timer);
  const after = journalLines(home);
  const written = after - seeded;
  const check = JSON.parse((await import('node:child_process')).execFileSync(process.execPath, [lib, 'check-store', home, 'deck-0'], { encoding: 'utf8' }));
  const cli = await parleyAsync(['decks', '--json'], { home, env: { PARLEY_NOW: NOW } });
  const problems = [];
  if (!killed) problems.push(`session ended before the kill (exit ${t.exitCode}): ${t.buffer.slice(-300)}`);
  const lost = Math.max(0, acked - written);
  if (written > sent) problems.push(`${written} entries written for ${sent} keys sent`);
  const unreadable = !check.readable || cli.status !== 0;
  if (unreadable) problems.push(`store unreadable: ${check.error ?? cli.stderr.trim()}`);
  if (check.duplicateIds) problems.push(`${check.duplicateIds} duplicate journal ids`);
  if (check.replayMismatches) problems.push(`${check.replayMismatches} cards differ from a replay of the journal`);
  if (check.chainBreaks) problems.push(`${check.chainBreaks} entries do not follow the card's previous state`);
  rmSync(home, { recursive: true, force: true });
  return { acked, written, lost, unreadable, problems, killAfterMs };
}

export async function crash({ kills, template, workDir, lib, helpers, seed, parallel = 4 }) {
  const random = rng(seed);
  const runs = await pool(Array.from({ length: kills }, (_, i) => i), parallel, (i) => oneKill(template, workDir, lib, helpers, i, rng(Math.floor(random() * 2 ** 31) + i)));
  const lost = runs.reduce((n, r) => n + r.lost, 0);
  const unreadable = runs.filter((r) => r.unreadable).length;
  const acked = runs.reduce((n, r) => n + r.acked, 0);
  const failures = runs.flatMap((r, i) => r.problems.map((p) => `kill ${i} (after ${r.killAfterMs} ms): ${p}`));
  return { kills, lost, unreadable, acked, inFlight: runs.reduce((n, r) => n + Math.max(0, r.written - r.acked), 0), failures };
}

// Clock: the learning day across DST (TZ=America/New_York) and every dayStartsAt, checked against
// an oracle built on Intl (not on Date's local-time methods parley uses); grading with PARLEY_NOW
// moved backwards, in-process and through the review screen.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikeCrash, parley, terminal } from './util.mjs';

const NY = 'America/New_York';
const FRAME_END = /q quit\x1b\[K\x1b\[J/;

function core(lib, tz, checks, seed) {
  return JSON.parse(execFileSync(process.execPath, [lib, 'clock-core', String(checks), String(seed)], { encoding: 'utf8', env: { PATH: process.env.PATH, TZ: tz } }));
}

export async function clock({ workDir, lib, checks, seed, quick }) {
  const helpers = await import(lib);
  const failures = [];
  const lines = [];
  let total = 0;
  let crashes = 0;
  let negative = 0;
  let wrongDue = 0;

  // 1. In-process: day boundaries and "due today" vs the oracle; grading with the clock going back.
  for (const [tz, n] of [[NY, checks], ['UTC', Math.floor(checks / 4)], ['Australia/Lord_Howe', Math.floor(checks / 4)]]) {
    // The backwards-grading property does not depend on TZ: run it once.
    for (const r of core(lib, tz, n, seed).filter((x) => tz === NY || !x.name.startsWith('grading'))) {
      total += r.checks;
      crashes += r.crashes ?? 0;
      if (r.name.startsWith('grading')) negative += r.failures.length - (r.crashes ? Math.min(r.crashes, r.failures.length) : 0);
      else wrongDue += r.failures.length;
      failures.push(...r.failures.map((f) => `${r.name}: ${f}`));
      lines.push(`${r.name} (TZ=${tz}): ${r.checks} checks, ${r.failures.length} failures${r.crashes ? ` (${r.crashes} runs where the scheduler threw)` : ''}`);
    }
  }

  // 2. `parley decks --json` "due today" around the DST changes and across dayStartsAt.
  const windows = [['2026-03-07T20:00:00Z', 'spring forward'], ['2026-10-31T20:00:00Z', 'fall back']];
  let cliChecks = 0;
  let cliWrong = 0;
  for (const [from, label] of windows) {
    const home = join(workDir, `clock-${label.replace(' ', '-')}`);
    const dues = JSON.parse(execFileSync(process.execPath, [lib, 'clock-home', home, from, '160', '29'], { encoding: 'utf8' })).map((d) => Date.parse(d));
    for (const h of quick ? [2, 4] : [0, 1, 2, 3, 4, 23]) {
      parley(['config', 'set', 'dayStartsAt', String(h)], { home });
      const instants = quick ? [6, 9, 30] : [1, 5, 6, 7, 8, 9, 10, 12, 20, 30, 33, 40];
      for (const hours of instants) {
        const now = Date.parse(from) + hours * 3_600_000;
        const nowIso = new Date(now).toISOString();
        const r = parley(['decks', '--json'], { home, env: { PARLEY_NOW: nowIso, TZ: NY } });
        cliChecks++;
        if (looksLikeCrash(r) || r.status !== 0) {
          crashes++;
          failures.push(`decks at ${nowIso} (${label}, dayStartsAt ${h}): exit ${r.status}: ${r.stderr.trim().split('\n')[0]}`);
          continue;
        }
        const expected = dues.filter((d) => d < helpers.oracleNextDayStart(now, h, NY)).length;
        const got = JSON.parse(r.stdout)[0].dueToday;
        if (got !== expected) {
          cliWrong++;
          failures.push(`decks at ${nowIso} TZ=${NY} (${label}, dayStartsAt ${h}): due today ${got}, expected ${expected}`);
        }
      }
    }
    rmSync(home, { recursive: true, force: true });
  }
  total += cliChecks;
  wrongDue += cliWrong;
  lines.push(`parley decks --json "due today" across DST (TZ=${NY}) and dayStartsAt: ${cliChecks} checks, ${cliWrong} wrong`);

  // 3. PARLEY_NOW moving backwards through the review screen: grade, then go back in time and grade again.
  const home = join(workDir, 'clock-backwards');
  execFileSync(process.execPath, [lib, 'make-home', home, '1', '60', '30', '2026-03-08T12:00:00Z']);
  const times = ['2026-03-08T12:00:00Z', '2026-03-08T10:00:00Z', '2026-03-08T06:59:00Z', '2026-03-05T12:00:00Z', '2026-03-08T12:30:00Z'];
  let backChecks = 0;
  for (const at of times) {
    const t = terminal(['review', '--new', '5'], { PARLEY_HOME: home, PARLEY_NOW: at, TZ: NY });
    let from = 0;
    let frame = await t.waitFor((s) => FRAME_END.test(s) || /Nothing due/.test(s), from);
    for (let k = 0; k < 4 && frame && FRAME_END.test(frame); k++) {
      from = t.buffer.length;
      t.pty.write(' ');
      frame = await t.waitFor((s) => FRAME_END.test(s), from);
      if (!frame) break;
      if (/-\d|NaN|Invalid/.test(frame.replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '').split('\n').find((l) => l.includes('1 Again')) ?? '')) {
        negative++;
        failures.push(`review at ${at}: grade labels ${frame.split('\n').find((l) => l.includes('1 Again'))}`);
      }
      from = t.buffer.length;
      t.pty.write(String(1 + ((k * 3) % 4)));
      frame = await t.waitFor((s) => FRAME_END.test(s) || /Session done/.test(s), from);
    }
    t.pty.write('q');
    const { exitCode } = await Promise.race([t.exit, new Promise((r) => setTimeout(() => { t.pty.kill(); r({ exitCode: -1 }); }, 10_000))]);
    backChecks++;
    if (exitCode !== 0 || /unexpected error|\n\s+at /.test(t.buffer)) {
      crashes++;
      failures.push(`review at ${at} (clock moved back): exit ${exitCode}: ${t.buffer.slice(-300)}`);
    }
    for (const args of [['decks', '--json'], ['stats', '--json']]) {
      const r = parley(args, { home, env: { PARLEY_NOW: at, TZ: NY } });
      backChecks++;
      if (r.status !== 0 || looksLikeCrash(r)) {
        crashes++;
        failures.push(`${args[0]} at ${at} (clock moved back): exit ${r.status}: ${r.stderr.trim().split('\n')[0]}`);
      } else if (args[0] === 'stats') {
        const stats = JSON.parse(r.stdout);
        if ((stats.forecast ?? []).some((f) => f.due < 0)) failures.push(`stats at ${at}: a negative forecast`);
      }
    }
  }
  const journal = helpers.allJournalLines(home).map((l) => JSON.parse(l)).filter((e) => e.type === 'review' && !e.id.startsWith('seed-'));
  for (const e of journal) {
    backChecks++;
    if (Date.parse(e.after.due) < Date.parse(e.at) || e.after.scheduled_days < 0 || e.after.elapsed_days < 0) {
      negative++;
      failures.push(`review at ${e.at} (clock moved back): due ${e.after.due}, scheduled ${e.after.scheduled_days} d, elapsed ${e.after.elapsed_days} d`);
    }
  }
  total += backChecks;
  lines.push(`review, decks and stats with PARLEY_NOW moving backwards (${times.length} sessions, ${journal.length} grades): ${backChecks} checks`);
  rmSync(home, { recursive: true, force: true });
  return { checks: total, crashes, negative, wrongDue, lines, failures };
}

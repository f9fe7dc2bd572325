// `npm run reliability`: figures showing that parley never loses an acknowledged review and never
// chokes on input (issue 6). `--quick` runs reduced counts (CI, ≤ 3 minutes); `--seed N` repeats a
// run; `--only crash,fuzz` runs some sections. Exit 1 when any figure shows a failure.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { FROZEN, ROOT, freezeCli } from './reliability/util.mjs';
import { crash } from './reliability/crash.mjs';
import { concurrency } from './reliability/concurrency.mjs';
import { corruption } from './reliability/corruption.mjs';
import { badInput } from './reliability/bad-input.mjs';
import { clock } from './reliability/clock.mjs';
import { paths } from './reliability/paths.mjs';
import { escapes } from './reliability/escapes.mjs';
import { locking } from './reliability/locking.mjs';
import { diskFull } from './reliability/disk-full.mjs';
import { journalValidation } from './reliability/journal-validation.mjs';
import { sync } from './reliability/sync.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const seedArg = args.indexOf('--seed');
const seed = seedArg >= 0 ? Number(args[seedArg + 1]) : Math.floor(Math.random() * 2 ** 31);
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? new Set(args[onlyArg + 1].split(',')) : undefined;
const want = (name) => !only || only.has(name);
const counts = quick
  ? { kills: 24, grades: 150, fuzzRuns: 60, clockChecks: 600 }
  : { kills: 200, grades: 500, fuzzRuns: 400, clockChecks: 5000 };

if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) {
  console.error('reliability: dist/ is missing — run `npm run build` first');
  process.exit(2);
}
const CLI = freezeCli();
const lib = join(ROOT, 'node_modules', '.cache', 'parley', 'reliability-lib.mjs');
await build({
  absWorkingDir: ROOT, entryPoints: ['scripts/reliability/lib.ts'], outfile: lib, bundle: true, format: 'esm',
  platform: 'node', target: 'node20', logLevel: 'warning',
  banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
});
const helpers = await import(lib);

const workDir = mkdtempSync(join(tmpdir(), 'parley-reliability-'));
const started = Date.now();
const failures = [];
const report = (line) => console.log(line);
const section = (name, list) => {
  for (const f of list) failures.push(`${name}: ${f}`);
};

console.log(`parley reliability${quick ? ' (quick)' : ''} — seed ${seed}, ${CLI}`);
try {
  if (want('crash')) {
    const t = Date.now();
    const template = join(workDir, 'crash-template');
    // 1,000 notes = 2,000 cards, 300 of them with history; the session grades due and new cards.
    execFileSync(process.execPath, [lib, 'make-home', template, '1', '1000', '300']);
    const r = await crash({ kills: counts.kills, template, workDir, lib, helpers, seed });
    report(`crash: ${r.kills} kills, ${r.lost} acknowledged reviews lost, ${r.unreadable} unreadable stores  (${r.acked} acknowledged, ${r.inFlight} in flight at the kill and kept; ${((Date.now() - t) / 1000).toFixed(0)} s)`);
    section('crash', r.failures);
    if (r.lost || r.unreadable) failures.push(`crash: ${r.lost} lost, ${r.unreadable} unreadable`);
  }
  if (want('sync')) {
    const t = Date.now();
    const r = await sync({ workDir, helpers, seed, quick });
    if (r.skipped) {
      report(`sync: skipped — ${r.skipped}`);
    } else {
      const took = r.durations ? `; an uninterrupted sync took ${r.durations.merge} ms (merge), ${r.durations.join} ms (first sync of a new home)` : '';
      report(`sync: kills ${r.kills}, lost ${r.lost}, unusable ${r.unusable}  (${r.atPhases} at ${r.phases} points between git commands, ${r.random} at random moments, ${r.withGit} of them with the git commands it ran, ${r.finishedFirst} more finished before their kill${took}; ${((Date.now() - t) / 1000).toFixed(0)} s)`);
      if (r.lost || r.unusable) failures.push(`sync: ${r.lost} lost, ${r.unusable} unusable`);
    }
    section('sync', r.failures ?? []);
  }
  if (want('concurrency')) {
    const template = join(workDir, 'concurrency-template');
    execFileSync(process.execPath, [lib, 'make-home', template, '2', '500', '100']);
    const r = await concurrency({ grades: counts.grades, template, workDir, lib, helpers, seed });
    report(`concurrency: 2 processes × ${counts.grades} grades → ${r.reviews} reviews in the journal, ${r.missing} lost, ${r.duplicates} doubled, ${r.mismatches} cards differing from a replay  (${r.retries} re-previews after the other process changed a card first; ${(r.ms / 1000).toFixed(1)} s)`);
    section('concurrency', r.failures);
  }
  if (want('corruption')) {
    const t = Date.now();
    const r = await corruption({ workDir, lib, helpers, quick });
    const s = r.state;
    report(`corruption: ${r.damaged} damaged files (${r.files} files × truncated, garbled, emptied; ${r.commands} commands each), ${r.refused} refused with one line naming the file, ${r.rewritten} rewritten, ${r.crashes} crashes; damaged state.json (${s.damages} damages × ${r.commands} commands = ${s.runs} runs): ${s.rebuilt} rebuilt from the journal with one warning and the intact home's output, ${s.untouched} did not read it and left it be; with no journal: ${s.refused} of ${s.orphaned} refused with one line naming it; torn last journal line: ${r.torn}  (${((Date.now() - t) / 1000).toFixed(0)} s)`);
    section('corruption', r.failures);
  }
  if (want('disk-full')) {
    const t = Date.now();
    const r = await diskFull({ workDir, lib, helpers, quick });
    if (r.skipped) report(`disk full: skipped — ${r.skipped}`);
    else report(`disk full: ${r.runs} review session${r.runs === 1 ? '' : 's'} on a 1 MiB tmpfs home filled to ${r.pages.join('/')} free page${r.pages.join() === '1' ? '' : 's'}, ${r.acked} grades acknowledged, ${r.lost} lost, ${r.torn} torn, ${r.refused} refused with "disk full" on screen (card kept; the same key took it once space was freed)  (${((Date.now() - t) / 1000).toFixed(0)} s)`);
    section('disk full', r.failures ?? []);
  }
  if (want('journal-validation')) {
    const t = Date.now();
    const r = await journalValidation({ workDir, lib, helpers, quick });
    report(`journal validation: ${r.lines} bad journal lines × ${r.commands} commands (show, stats, decks, suspend, review; and review with the line behind the state file's journal place) = ${r.runs} runs, ${r.refused} refused in one line naming the journal's file:N with exit 1 and no file changed, ${r.crashes} crashes  (${((Date.now() - t) / 1000).toFixed(0)} s)`);
    section('journal validation', r.failures);
  }
  if (want('bad-input')) {
    const r = await badInput({ workDir, helpers, quick });
    report(`bad input: ${r.cases} cases across ${r.commands} commands, ${r.passed} one line + right exit code + no trace + no file changed, ${r.failures.length} failures`);
    for (const note of r.notes) report(`  note: ${note}`);
    section('bad input', r.failures);
  }
  if (want('paths')) {
    const r = await paths({ workDir });
    report(`paths: ${r.tamperings} tampered homes × ${r.runs / r.tamperings} commands, ${r.outsideChanged} runs changed a file outside the home, ${r.crashes} crashes, ${r.failures.length} failures`);
    section('paths', r.failures);
  }
  if (want('locking')) {
    const r = await locking({ workDir, quick });
    report(`locking: ${r.results.reduce((n, s) => n + s.runs, 0)} runs of ${r.results.length} concurrent-write scenarios, ${r.results.reduce((n, s) => n + s.failed, 0)} lost a write`);
    for (const s of r.results) report(`  ${s.name}: ${s.failed} of ${s.runs} runs lost a write`);
    section('locking', r.failures);
  }
  if (want('fuzz')) {
    const t = Date.now();
    const results = helpers.fuzz(ROOT, counts.fuzzRuns, seed);
    const runs = results.reduce((n, r) => n + r.runs, 0);
    const failed = results.reduce((n, r) => n + r.failures, 0);
    report(`fuzz: ${runs} runs, ${failed} failures  (${((Date.now() - t) / 1000).toFixed(0)} s)`);
    for (const r of results) report(`  ${r.name}: ${r.runs} runs, ${r.failures} failures${r.detail ? ` — ${r.detail}` : ''}`);
    section('fuzz', results.filter((r) => r.failures).map((r) => `${r.name}: ${r.detail}`));
  }
  if (want('clock')) {
    const r = await clock({ workDir, lib, checks: counts.clockChecks, seed, quick });
    report(`clock: ${r.checks} checks (PARLEY_NOW backwards, DST in America/New_York, every dayStartsAt), ${r.crashes} crashes (runs where parley's code threw), ${r.negative} negative intervals, ${r.wrongDue} wrong "due today"`);
    for (const line of r.lines) report(`  ${line}`);
    section('clock', r.failures);
  }
  if (want('escapes')) {
    const r = await escapes({ workDir, quick });
    report(`escapes: ${r.surfaces} surfaces × ${r.payloads} payloads (${r.runs} run${r.runs === 1 ? '' : 's'}, ${r.outputs} outputs), ${r.raw} raw control bytes reached stdout/stderr (in ${r.rawOutputs} outputs), ${r.failures.length} failures`);
    section('escapes', r.failures);
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
  rmSync(FROZEN, { recursive: true, force: true });
}
const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (failures.length) {
  console.log(`\n${failures.length} failure${failures.length === 1 ? '' : 's'} (${seconds} s; repeat with --seed ${seed}):`);
  for (const f of failures.slice(0, 60)) console.log(`  - ${f}`);
  process.exitCode = 1;
} else {
  console.log(`\nno failures (${seconds} s)`);
}

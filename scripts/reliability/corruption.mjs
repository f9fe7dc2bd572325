// Corruption: truncate, garble and empty each deck file, settings and the journal in turn; every
// command must either not need the file (exit 0) or refuse with one line naming it (exit 1), never
// crash, and never rewrite what it could not read. The state file (state.json) is derived from the
// journal and the deck files: damaged in those ways or in its values, every command that reads it
// says so in one warning line, answers exactly as the intact home does and rewrites the file; with
// no journal to rebuild it from it is refused like the others. A torn last journal line is dropped
// (only that line) with a warning.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { diffSnapshots, looksLikeCrash, parley, ROOT, snapshotFiles, stderrLines } from './util.mjs';

const NOW = '2026-11-29T10:00:00Z';
const ARTICLE = join(ROOT, 'tests', 'fixtures', 'articles', 'dumplings-zh-en-annotated', 'article.txt');
const STATE = 'state.json';

/** Where the damage goes: a structural character near the middle, so the JSON really breaks. */
function garble(bytes, file) {
  const b = Buffer.from(bytes);
  let at;
  if (file.endsWith('.jsonl')) {
    // A line in the middle, not the last one (a damaged last line is the torn-line case).
    const lines = b.toString('utf8').split('\n');
    const middle = Math.floor((lines.length - 2) / 2);
    at = Buffer.byteLength(lines.slice(0, middle).join('\n')) + (middle ? 1 : 0) + 1;
  } else {
    at = b.indexOf(0x22, Math.floor(b.length / 2)); // a quote
    if (at < 0) at = Math.floor(b.length / 2);
  }
  Buffer.from([0x00, 0xff, 0x23, 0x7b, 0x5d, 0x3a]).copy(b, at);
  return b;
}

const MUTATIONS = {
  truncated: (b) => b.subarray(0, Math.floor(b.length / 2)),
  garbled: garble,
  emptied: () => Buffer.alloc(0),
};

/** The state file as JSON, changed by `change`: still JSON, but not what parley wrote. */
const edited = (change) => (bytes) => {
  const filed = JSON.parse(bytes.toString('utf8'));
  change(filed);
  return Buffer.from(JSON.stringify(filed));
};

/** The state file damaged as the other files are, and in ways only its reader can tell. */
const STATE_MUTATIONS = {
  ...MUTATIONS,
  'a card column one short': edited((filed) => filed.cards['deck-0'].reps.pop()),
  'a due date that is no date': edited((filed) => (filed.cards['deck-0'].due[0] = 'soon')),
};

/** Only with the journal there: a place in this device's journal that is not where a line starts. */
const midLine = (device) => ({ 'its journal place mid-line': edited((filed) => (filed.journals[device].offset -= 3)) });

/** The state file damages `--quick` keeps: one of its bytes, one of its values, one of its place. */
const QUICK = new Set(['garbled', 'a due date that is no date', 'its journal place mid-line']);

/** The one line a command that met a damaged state file (with a journal) adds to what it says. */
const REBUILT = /^parley: HOME\/state\.json .+: rebuilt it from the journal$/;

function commands(noteId) {
  return [
    ['decks', '--json'],
    ['decks'],
    ['stats', '--json'],
    ['show', 'deck-0'],
    ['export', 'deck-0', '--format', 'csv'],
    ['export', '--reviews'],
    ['config', 'set', 'newPerDay', '25'],
    ['config', 'list'],
    ['suspend', noteId],
    ['import', ARTICLE, '--deck', 'deck-0'],
  ];
}

export async function corruption({ workDir, lib, helpers, quick }) {
  const template = join(workDir, 'corruption-template');
  execFileSync(process.execPath, [lib, 'make-home', template, '2', '30', '10']);
  // Reviews past the state file's journal place, and settings.
  execFileSync(process.execPath, [lib, 'grade', template, 'deck-0,deck-1', '6', 'late', '5']);
  parley(['config', 'set', 'newPerDay', '30'], { home: template });
  const noteId = JSON.parse(readFileSync(join(template, 'decks', 'deck-0.json'), 'utf8')).notes[3].id;
  // This device's journal, journal/<device>.jsonl, named as the home's other files are: from the home.
  const journal = relative(template, helpers.journalOf(template));
  const files = ['settings.json', journal, 'decks/deck-0.json', 'decks/deck-1.json'];
  const failures = [];
  let cases = 0;
  let refused = 0;
  let rewritten = 0;
  let crashes = 0;
  let n = 0;
  const fresh = () => {
    const home = join(workDir, `corrupt-${n++}`);
    helpers.copyHome(template, home);
    return home;
  };
  // In this process: it runs after every rebuild, and a child process each time costs more than the run.
  const store = (home) => helpers.checkStore(home, ['deck-0', 'deck-1']);
  const picked = (mutations) => Object.entries(mutations).filter(([name]) => !quick || QUICK.has(name));

  /**
   * Every command on `home`, whose `file` holds `damaged`: exit 0, or exit 1 with one line naming
   * the file and no file changed; never a crash, never the damage rewritten. `parley decks --json`
   * needs every file but the journal's older lines, so it must refuse. True when a command refused
   * naming the file.
   */
  const mustRefuse = (home, file, damaged, label) => {
    cases++;
    let noticed = false;
    let decksRefused = false;
    for (const args of commands(noteId)) {
      const before = snapshotFiles(home);
      const r = parley(args, { home, env: { PARLEY_NOW: NOW } });
      const changed = diffSnapshots(before, snapshotFiles(home));
      const what = `${label}: parley ${args.join(' ')}`;
      if (looksLikeCrash(r)) {
        crashes++;
        failures.push(`${what}: crashed (exit ${r.status}): ${r.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
        continue;
      }
      const now = readFileSync(join(home, file));
      // The journal is append-only: a write command may add reviews past a damaged line it never
      // needed to read (loads start at the state file's journal place), but never touch the damage.
      const kept = file === journal && r.status === 0 ? now.subarray(0, damaged.length).equals(damaged) : now.equals(damaged);
      if (!kept) {
        rewritten++;
        failures.push(`${what}: rewrote the damaged file`);
        writeFileSync(join(home, file), damaged);
      }
      if (r.status === 0) continue;
      if (r.status !== 1) failures.push(`${what}: exit ${r.status}, expected 1`);
      const lines = stderrLines(r);
      if (lines.length !== 1 || !lines[0].startsWith('parley: ')) failures.push(`${what}: ${lines.length} lines on stderr: ${r.stderr.trim().slice(0, 200)}`);
      if (!r.stderr.includes(file)) failures.push(`${what}: the message does not name ${file}: ${r.stderr.trim().slice(0, 200)}`);
      else noticed = true;
      if (args[0] === 'decks' && args[1] === '--json') decksRefused = true;
      if (changed.length) failures.push(`${what}: failed but changed ${changed.join(', ')}`);
    }
    if (!noticed) failures.push(`${label}: no command noticed the damage`);
    if (!decksRefused && file !== journal) failures.push(`${label}: parley decks --json did not refuse`);
    return noticed;
  };

  for (const file of files) {
    for (const [mutation, damage] of Object.entries(MUTATIONS)) {
      const home = fresh();
      const damaged = damage(readFileSync(join(home, file)), file);
      writeFileSync(join(home, file), damaged);
      if (mustRefuse(home, file, damaged, `${file} ${mutation}`)) refused++;
      rmSync(home, { recursive: true, force: true });
    }
  }

  // The state file damaged, the journal there: each command, on its own copy (the first one to
  // read the state file rewrites it), must say so once and otherwise do what it does on the intact
  // home, and leave a state file that agrees with the journal; one that never read it leaves it be.
  // Output names the home (`import` says where it wrote): the copies differ only there.
  const run = (args, home) => {
    const r = parley(args, { home, env: { PARLEY_NOW: NOW } });
    return { ...r, stdout: r.stdout.replaceAll(home, 'HOME'), stderr: r.stderr.replaceAll(home, 'HOME') };
  };
  const intact = commands(noteId).map((args) => {
    const home = fresh();
    const r = run(args, home);
    rmSync(home, { recursive: true, force: true });
    return r;
  });
  let stateRuns = 0;
  let stateRebuilt = 0;
  let stateUntouched = 0;
  const damages = picked({ ...STATE_MUTATIONS, ...midLine(basename(journal, '.jsonl')) });
  for (const [mutation, damage] of damages) {
    cases++;
    commands(noteId).forEach((args, k) => {
      stateRuns++;
      const home = fresh();
      const path = join(home, STATE);
      const damaged = damage(readFileSync(path), STATE);
      writeFileSync(path, damaged);
      const r = run(args, home);
      const what = `${STATE} ${mutation}: parley ${args.join(' ')}`;
      const problems = [];
      if (looksLikeCrash(r)) {
        crashes++;
        problems.push(`crashed (exit ${r.status}): ${r.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
      } else {
        const lines = stderrLines(r);
        const warnings = lines.filter((l) => REBUILT.test(l));
        const rest = lines.filter((l) => !REBUILT.test(l));
        if (r.status !== intact[k].status) problems.push(`exit ${r.status}, the intact home gives ${intact[k].status}`);
        if (r.stdout !== intact[k].stdout) problems.push('printed other things than the intact home does');
        if (rest.join('\n') !== stderrLines(intact[k]).join('\n')) problems.push(`said other things than the intact home does: ${r.stderr.trim().slice(0, 200)}`);
        const untouched = readFileSync(path).equals(damaged);
        if (warnings.length > 1) problems.push(`${warnings.length} warnings about the state file`);
        else if (warnings.length === 1 && untouched) problems.push('warned but left the damaged file as it was');
        else if (warnings.length === 0 && !untouched) {
          rewritten++;
          problems.push('rewrote the damaged file without a word');
        } else if (warnings.length === 1) {
          const check = store(home);
          if (!check.readable || check.replayMismatches || check.warnings.length) problems.push(`the rewritten state file: ${check.error ?? `${check.replayMismatches} cards differ from a replay of the journal; ${check.warnings.join('; ')}`}`);
          else stateRebuilt++;
        } else stateUntouched++;
      }
      if (problems.length) failures.push(`${what}: ${problems.join('; ')}`);
      rmSync(home, { recursive: true, force: true });
    });
  }

  // The state file damaged and no journal to rebuild it from: refused, never rewritten.
  let stateRefused = 0;
  const orphaned = picked(STATE_MUTATIONS);
  for (const [mutation, damage] of orphaned) {
    const home = fresh();
    rmSync(join(home, journal));
    const damaged = damage(readFileSync(join(home, STATE)), STATE);
    writeFileSync(join(home, STATE), damaged);
    if (mustRefuse(home, STATE, damaged, `${STATE} ${mutation}, no journal`)) stateRefused++;
    rmSync(home, { recursive: true, force: true });
  }

  // A torn last journal line (a write cut short by a crash): dropped with a warning, and only it.
  let torn = 'ok';
  {
    const home = fresh();
    const path = join(home, journal);
    const whole = readFileSync(path);
    const lastStart = whole.lastIndexOf(10, whole.length - 2) + 1;
    const cut = whole.subarray(0, lastStart + Math.floor((whole.length - lastStart) / 2));
    writeFileSync(path, cut);
    const problems = [];
    const r = parley(['decks', '--json'], { home, env: { PARLEY_NOW: NOW } });
    if (r.status !== 0) problems.push(`parley decks exit ${r.status}: ${r.stderr.trim()}`);
    if (!/torn last line/.test(r.stderr) || stderrLines(r).length !== 1) problems.push(`no one-line warning about the torn line: ${r.stderr.trim()}`);
    if (!readFileSync(path).equals(cut)) problems.push('a read-only command rewrote the journal');
    const s = parley(['suspend', noteId], { home, env: { PARLEY_NOW: NOW } });
    const now = readFileSync(path);
    const kept = whole.subarray(0, lastStart);
    if (s.status !== 0) problems.push(`parley suspend exit ${s.status}: ${s.stderr.trim()}`);
    else if (!now.subarray(0, lastStart).equals(kept)) problems.push('the complete lines before the torn one changed');
    else {
      const added = now.subarray(lastStart).toString('utf8').split('\n').filter(Boolean);
      // `suspend` suspends both cards of the note: two entries.
      if (added.length !== 2 || added.some((l) => JSON.parse(l).type !== 'suspend')) problems.push(`after the torn line was dropped the journal ends with ${added.length} lines instead of the two new entries`);
    }
    const check = store(home);
    if (!check.readable || check.chainBreaks || check.replayMismatches) problems.push(`store after: ${check.error ?? `${check.chainBreaks} chain breaks, ${check.replayMismatches} mismatches`}`);
    cases++;
    if (problems.length) {
      torn = 'FAILED';
      failures.push(...problems.map((p) => `torn last journal line: ${p}`));
    } else {
      torn = 'dropped only that line, with a one-line warning';
    }
    rmSync(home, { recursive: true, force: true });
  }
  return {
    cases, files: files.length, damaged: files.length * Object.keys(MUTATIONS).length, refused, rewritten, crashes, torn, failures,
    state: {
      damages: damages.length, runs: stateRuns, rebuilt: stateRebuilt, untouched: stateUntouched,
      orphaned: orphaned.length, refused: stateRefused,
    },
    commands: commands(noteId).length,
  };
}

// Corruption: truncate, garble and empty each state file, deck file, settings and the journal in
// turn; every command must either not need the file (exit 0) or refuse with one line naming it
// (exit 1), never crash, and never rewrite what it could not read. A torn last journal line is
// dropped (only that line) with a warning.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffSnapshots, looksLikeCrash, parley, ROOT, snapshotFiles, stderrLines } from './util.mjs';

const NOW = '2026-11-29T10:00:00Z';
const ARTICLE = join(ROOT, 'tests', 'fixtures', 'articles', 'dumplings-zh-en-annotated', 'article.txt');

/** Where the damage goes: a structural character near the middle, so the JSON really breaks. */
function garble(bytes, file) {
  const b = Buffer.from(bytes);
  let at;
  if (file === 'journal.jsonl') {
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

export async function corruption({ workDir, lib }) {
  const template = join(workDir, 'corruption-template');
  execFileSync(process.execPath, [lib, 'make-home', template, '2', '30', '10']);
  // Reviews past the snapshots' watermark, settings, and the decks cache.
  execFileSync(process.execPath, [lib, 'grade', template, 'deck-0,deck-1', '6', 'late', '5']);
  parley(['config', 'set', 'newPerDay', '30'], { home: template });
  parley(['decks'], { home: template, env: { PARLEY_NOW: NOW } });
  const noteId = JSON.parse(readFileSync(join(template, 'decks', 'deck-0.json'), 'utf8')).notes[3].id;
  const files = ['settings.json', 'journal.jsonl', 'decks/deck-0.json', 'decks/deck-1.json', 'state/deck-0.json', 'state/deck-1.json'];
  const failures = [];
  let cases = 0;
  let refused = 0;
  let rewritten = 0;
  let crashes = 0;
  let cacheRebuilt = 0;
  let n = 0;
  for (const file of files) {
    for (const [mutation, damage] of Object.entries(MUTATIONS)) {
      cases++;
      const home = join(workDir, `corrupt-${n++}`);
      cpSync(template, home, { recursive: true });
      const damaged = damage(readFileSync(join(home, file)), file);
      writeFileSync(join(home, file), damaged);
      const label = `${file} ${mutation}`;
      let noticed = false;
      let decksRefused = false;
      for (const args of commands(noteId)) {
        const before = snapshotFiles(home);
        const r = parley(args, { home, env: { PARLEY_NOW: NOW } });
        const after = snapshotFiles(home);
        const changed = diffSnapshots(before, after).filter((f) => f !== 'state/_summaries.json');
        const what = `${label}: parley ${args.join(' ')}`;
        if (looksLikeCrash(r)) {
          crashes++;
          failures.push(`${what}: crashed (exit ${r.status}): ${r.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
          continue;
        }
        const now = readFileSync(join(home, file));
        // The journal is append-only: a write command may add reviews past a damaged line it never
        // needed to read (loads start at the snapshot's watermark), but never touch the damage.
        const kept = file === 'journal.jsonl' && r.status === 0 ? now.subarray(0, damaged.length).equals(damaged) : now.equals(damaged);
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
      if (noticed) refused++;
      else failures.push(`${label}: no command noticed the damage`);
      // Everything `parley decks` counts depends on settings, deck files, snapshots and the journal tail.
      if (!decksRefused && file !== 'journal.jsonl') failures.push(`${label}: parley decks --json did not refuse`);
      rmSync(home, { recursive: true, force: true });
    }
  }

  // The decks cache is derived data: damaged, it is ignored and rebuilt with the same answer.
  const expected = parley(['decks', '--json'], { home: template, env: { PARLEY_NOW: NOW } }).stdout;
  for (const [mutation, damage] of Object.entries(MUTATIONS)) {
    cases++;
    const home = join(workDir, `corrupt-${n++}`);
    cpSync(template, home, { recursive: true });
    const path = join(home, 'state', '_summaries.json');
    writeFileSync(path, damage(readFileSync(path), '_summaries.json'));
    const r = parley(['decks', '--json'], { home, env: { PARLEY_NOW: NOW } });
    if (r.status !== 0 || r.stdout !== expected) failures.push(`state/_summaries.json ${mutation}: parley decks --json gave exit ${r.status} and ${r.stdout === expected ? 'the same' : 'different'} counts: ${r.stderr.trim()}`);
    else cacheRebuilt++;
    rmSync(home, { recursive: true, force: true });
  }

  // A torn last journal line (a write cut short by a crash): dropped with a warning, and only it.
  let torn = 'ok';
  {
    const home = join(workDir, `corrupt-${n++}`);
    cpSync(template, home, { recursive: true });
    const journal = join(home, 'journal.jsonl');
    const whole = readFileSync(journal);
    const lastStart = whole.lastIndexOf(10, whole.length - 2) + 1;
    const cut = whole.subarray(0, lastStart + Math.floor((whole.length - lastStart) / 2));
    writeFileSync(journal, cut);
    const problems = [];
    const r = parley(['decks', '--json'], { home, env: { PARLEY_NOW: NOW } });
    if (r.status !== 0) problems.push(`parley decks exit ${r.status}: ${r.stderr.trim()}`);
    if (!/torn last line/.test(r.stderr) || stderrLines(r).length !== 1) problems.push(`no one-line warning about the torn line: ${r.stderr.trim()}`);
    if (!readFileSync(journal).equals(cut)) problems.push('a read-only command rewrote the journal');
    const s = parley(['suspend', noteId], { home, env: { PARLEY_NOW: NOW } });
    const now = readFileSync(journal);
    const kept = whole.subarray(0, lastStart);
    if (s.status !== 0) problems.push(`parley suspend exit ${s.status}: ${s.stderr.trim()}`);
    else if (!now.subarray(0, lastStart).equals(kept)) problems.push('the complete lines before the torn one changed');
    else {
      const added = now.subarray(lastStart).toString('utf8').split('\n').filter(Boolean);
      // `suspend` suspends both cards of the note: two entries.
      if (added.length !== 2 || added.some((l) => JSON.parse(l).type !== 'suspend')) problems.push(`after the torn line was dropped the journal ends with ${added.length} lines instead of the two new entries`);
    }
    const check = JSON.parse(execFileSync(process.execPath, [lib, 'check-store', home, 'deck-0,deck-1'], { encoding: 'utf8' }));
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
  return { cases, files: files.length, damaged: files.length * 3, cacheRebuilt, refused, rewritten, crashes, torn, failures };
}

// Journal validation: journal lines of the right shape with the wrong content (issue 10, item 10),
// each placed in a copy of a home, under every command that reads the journal. Each command must
// refuse in one line naming the journal's `journal/<device>.jsonl:N`, exit 1, and change no file. A bad line sits either
// among good ones past the state file's journal place (where every load reads) or, for `review`,
// behind that place too, where only the tail reader that counts today's reviews looks.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { diffSnapshots, looksLikeCrash, parley, plain, snapshotFiles, stderrLines, terminal } from './util.mjs';

const NOW = '2026-11-29T10:00:00.000Z';

/** Each bad line, made from a real entry `e` (a review with a `before`) so only the named part is wrong. */
const BAD = [
  ['after is a string', (e) => ({ ...e, after: 'x' })],
  ['after is missing', ({ after: _, ...e }) => e],
  ['due is garbage', (e) => ({ ...e, after: { ...e.after, due: 'garbage' } })],
  ['due is month 13', (e) => ({ ...e, after: { ...e.after, due: '2026-13-01T00:00:00.000Z' } })],
  ['stability is a string', (e) => ({ ...e, after: { ...e.after, stability: '5' } })],
  ['reps is "NaN"', (e) => ({ ...e, after: { ...e.after, reps: 'NaN' } })],
  ['state is 7', (e) => ({ ...e, after: { ...e.after, state: 7 } })],
  ['before is a number', (e) => ({ ...e, before: 3 })],
  ['rating is "3"', (e) => ({ ...e, rating: '3' })],
  ['durationMs is negative', (e) => ({ ...e, durationMs: -5 })],
  ['at is not a date', (e) => ({ ...e, at: 'yesterday' })],
  ['id is missing', ({ id: _, ...e }) => e],
  ['type is unknown', (e) => ({ ...e, type: 'teleport' })],
  ['undo restores garbage', (e) => ({ ...e, type: 'undo', target: 'x', restored: { due: 'soon' } })],
  ['move has no from', (e) => ({ ...e, type: 'move' })],
  ['tags is not a list', (e) => ({ ...e, after: { ...e.after, tags: 'leech' } })],
  ['the line is null', () => null],
  ['the line is a list', () => []],
];
const QUICK = new Set(['due is garbage', 'the line is null']);

function commands(noteId) {
  return [['show', 'deck-0'], ['stats', '--json'], ['decks', '--json'], ['suspend', noteId], ['review']];
}

async function run(args, home) {
  if (args[0] !== 'review') return parley(args, { home, env: { PARLEY_NOW: NOW } });
  const t = terminal(args, { PARLEY_HOME: home, PARLEY_NOW: NOW });
  // A session that starts instead of refusing is quit, and counted as a failure below.
  const quit = setTimeout(() => t.pty.write('q'), 10_000);
  const { exitCode } = await t.exit;
  clearTimeout(quit);
  return { status: exitCode, stdout: '', stderr: plain(t.buffer).split('\n').filter((l) => l.startsWith('parley:')).join('\n') };
}

export async function journalValidation({ workDir, lib, helpers, quick }) {
  const template = join(workDir, 'validation-template');
  execFileSync(process.execPath, [lib, 'make-home', template, '1', '30', '10']);
  // Reviews past the state file's journal place, one of them with a `before`, to shape the bad lines from.
  execFileSync(process.execPath, [lib, 'grade', template, 'deck-0', '4', 'late', '3']);
  // This device's journal, from the home: every copy below is the same device (helpers.copyHome).
  const journalFile = relative(template, helpers.journalOf(template));
  const device = basename(journalFile, '.jsonl');
  const journalText = readFileSync(join(template, journalFile), 'utf8');
  const lines = journalText.trim().split('\n');
  const model = lines.map((l) => JSON.parse(l)).findLast((e) => e.before !== null) ?? JSON.parse(lines.at(-1));
  const noteId = JSON.parse(readFileSync(join(template, 'decks', 'deck-0.json'), 'utf8')).notes[20].id;
  const table = BAD.filter(([name]) => !quick || QUICK.has(name));
  const failures = [];
  let runs = 0;
  let refused = 0;
  let crashes = 0;
  let n = 0;
  const check = (what, result, home, before, line) => {
    runs++;
    const problems = [];
    if (looksLikeCrash(result)) {
      crashes++;
      problems.push(`crashed (exit ${result.status}): ${result.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
    } else if (result.status !== 1) problems.push(`exit ${result.status}, expected 1`);
    const said = stderrLines(result);
    if (said.length !== 1 || !/^parley: .+ — .+/.test(said[0])) problems.push(`not one "parley: … — …" line: ${JSON.stringify(result.stderr.slice(0, 200))}`);
    else if (!said[0].includes(`${journalFile}:${line}:`)) problems.push(`does not name ${journalFile}:${line}: ${said[0].slice(0, 200)}`);
    if (/NaN/.test(result.stdout)) problems.push('printed NaN');
    const changed = diffSnapshots(before, snapshotFiles(home));
    if (changed.length) problems.push(`changed ${changed.join(', ')}`);
    if (problems.length) failures.push(`${what}: ${problems.join('; ')}`);
    else refused++;
  };

  for (const [name, make] of table) {
    const bad = `${JSON.stringify(make(model))}\n`;
    // Past the state file's journal place, with a good line after it: every command reads it.
    const home = join(workDir, `validation-${n++}`);
    helpers.copyHome(template, home);
    writeFileSync(join(home, journalFile), `${lines.slice(0, -1).join('\n')}\n${bad}${lines.at(-1)}\n`);
    for (const args of commands(noteId)) {
      const before = snapshotFiles(home);
      check(`${name}: parley ${args.join(' ')}`, await run(args, home), home, before, lines.length);
    }
    rmSync(home, { recursive: true, force: true });

    // Behind the state file's journal place: `review`'s tail reader is the one to meet it.
    const behind = join(workDir, `validation-${n++}`);
    helpers.copyHome(template, behind);
    const journal = `${journalText}${bad}`;
    writeFileSync(join(behind, journalFile), journal);
    const state = join(behind, 'state.json');
    const filed = JSON.parse(readFileSync(state, 'utf8'));
    filed.journals[device] = { ...filed.journals[device], offset: Buffer.byteLength(journal), line: lines.length + 2 };
    writeFileSync(state, JSON.stringify(filed));
    const before = snapshotFiles(behind);
    check(`${name} (behind the state file's journal place): parley review`, await run(['review'], behind), behind, before, lines.length + 1);
    rmSync(behind, { recursive: true, force: true });
  }
  return { lines: table.length, commands: commands(noteId).length, runs, refused, crashes, failures };
}

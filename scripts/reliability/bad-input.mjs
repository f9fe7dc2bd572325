// Bad input: a table of wrong paths, encodings, options, config values, deck names, HTML, huge and
// empty files, unusable homes. Each must give one line on stderr (`parley: … — …`), the right exit
// code, no stack trace, and change no file (the home and the input files, byte for byte).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffSnapshots, looksLikeCrash, parley, ROOT, snapshotFiles, stderrLines, terminal } from './util.mjs';
import { HUGE_LINE_SHAPES, writeHugeLine } from './huge-lines.mjs';

const NOW = '2026-11-29T10:00:00Z';
const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');
const GBK = join(ROOT, 'tests', 'fixtures', 'encodings', 'dumplings.gbk.txt');

/** `path` as a symbolic link that leads back to itself through a second one. */
function loopAt(path) {
  symlinkSync(`${path}-back`, path);
  symlinkSync(path, `${path}-back`);
  return path;
}

/** Files the cases feed in, written once into `dir`. */
function makeInputs(dir, quick) {
  mkdirSync(dir, { recursive: true });
  const put = (name, data) => {
    writeFileSync(join(dir, name), data);
    return join(dir, name);
  };
  const sample = readFileSync(SAMPLE, 'utf8');
  const big = quick ? 8 : 40; // MB
  const huge = join(dir, 'huge.txt');
  const fd = openSync(huge, 'w');
  const block = Buffer.from('This line is English only and has no translation at all, over and over.\n'.repeat(14_000));
  for (let written = 0; written < big * 1024 * 1024; written += block.length) writeSync(fd, block);
  closeSync(fd);
  return {
    empty: put('empty.txt', ''),
    blank: put('blank.txt', ' \n\n\t \r\n'),
    binary: put('binary.dat', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))),
    png: put('image.txt', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)])),
    english: put('english.txt', 'Only English here.\n\nNo Chinese at all, so nothing to pair.\n'),
    chinese: put('chinese.txt', '只有中文。\n\n没有英文翻译。\n'),
    htmlEmpty: put('empty.html', '<!doctype html><html><head><title>x</title><script>var a = "中文 English";</script></head><body></body></html>'),
    htmlScript: put('script.html', '<html><body><script>alert("今天天气很好。 The weather is good today.")</script><style>p{}</style></body></html>'),
    invalidUtf8: put('invalid-utf8.txt', Buffer.concat([Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]), Buffer.from('\n\n')])),
    utf16Odd: put('utf16-odd.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('abc'), Buffer.from([0x41])])),
    nul: put('nul.txt', Buffer.concat([Buffer.from(sample.slice(0, 200)), Buffer.alloc(64, 0), Buffer.from(sample.slice(200))])),
    huge,
    loop: loopAt(join(dir, 'loop')),
    hugeLine: put('huge-line.txt', `${'汉'.repeat(quick ? 200_000 : 1_000_000)}\n\n${'x'.repeat(quick ? 200_000 : 1_000_000)}\n`),
    // Just under the 20 MB cap, each beside the others rather than among the inputs every case hashes.
    // Quick mode keeps the Chinese-then-English line, the one that overflowed the stack.
    hugeLines: (quick ? ['halves'] : HUGE_LINE_SHAPES).map((shape) => {
      const lineDir = join(dir, '..', `bad-huge-line-${shape}`);
      mkdirSync(lineDir, { recursive: true });
      const file = join(lineDir, `${shape}.txt`);
      writeHugeLine(file, shape);
      return { shape, file, dir: lineDir };
    }),
    sample,
  };
}

/**
 * The table. `code`: the exit code; `home`: 'fresh' (a copy of the template) by default.
 * `pty`: run on a pseudo-terminal (for review); `env`: extra environment; `watch`: one more
 * directory whose files must not change.
 */
/** Gives the home a journal of this device: one note (not MM0, which cases suspend) suspended. */
function withJournal(home) {
  const note = JSON.parse(readFileSync(join(home, 'decks', 'morning-market.json'), 'utf8')).notes[1].id;
  if (parley(['suspend', note], { home, env: { PARLEY_NOW: NOW } }).status !== 0) throw new Error('bad input: could not give a home a journal');
}

function cases(inputs, dirs, helpers) {
  const I = inputs;
  return [
    // paths
    { name: 'import a missing file', args: ['import', '/nonexistent/article.txt'], code: 1 },
    { name: 'import a directory', args: ['import', dirs.inputs], code: 1 },
    { name: 'import a URL (not supported)', args: ['import', 'https://example.com/article.html'], code: 1 },
    { name: 'import two files, the second missing (nothing written)', args: ['import', SAMPLE, '/nonexistent/b.txt', '--deck', 'two'], code: 1 },
    { name: 'import - with nothing on stdin', args: ['import', '-'], code: 1 },
    // encodings and contents
    { name: 'import an empty file', args: ['import', I.empty], code: 1 },
    { name: 'import a whitespace-only file', args: ['import', I.blank], code: 1 },
    { name: 'import a binary file', args: ['import', I.binary], code: 1 },
    { name: 'import a PNG named .txt', args: ['import', I.png], code: 1 },
    { name: 'import invalid UTF-8', args: ['import', I.invalidUtf8], code: 1 },
    { name: 'import odd-length UTF-16', args: ['import', I.utf16Odd], code: 1 },
    { name: 'import English only', args: ['import', I.english], code: 1 },
    { name: 'import Chinese only', args: ['import', I.chinese], code: 1 },
    { name: 'import HTML with no body text', args: ['import', I.htmlEmpty], code: 1 },
    { name: 'import HTML whose only text is a script', args: ['import', I.htmlScript], code: 1 },
    { name: 'import GBK read as --encoding utf-16le', args: ['import', GBK, '--encoding', 'utf-16le'], code: 1 },
    { name: 'import with an unknown --encoding', args: ['import', SAMPLE, '--encoding', 'klingon'], code: 2 },
    { name: `import a huge file (${I.huge ? 'tens of' : ''} MB, English only)`, args: ['import', I.huge], code: 1 },
    { name: 'import one 1-million-character line per language', args: ['import', I.hugeLine], code: 1 },
    ...I.hugeLines.map(({ shape, file, dir }) => ({ name: `import a 19.9 MB file that is one line (${shape})`, args: ['import', file], code: 1, watch: dir })),
    // deck names
    { name: 'import --deck ""', args: ['import', SAMPLE, '--deck', ''], code: 2 },
    { name: 'import --deck ../../etc/passwd', args: ['import', SAMPLE, '--deck', '../../etc/passwd'], code: 1 },
    { name: 'import --deck ///', args: ['import', SAMPLE, '--deck', '///'], code: 1 },
    { name: 'import --deck of emoji only', args: ['import', SAMPLE, '--deck', '🙂🙂'], code: 1 },
    { name: 'deck rename a missing deck', args: ['deck', 'rename', 'nodeck', 'x'], code: 1 },
    { name: 'deck rename to a path', args: ['deck', 'rename', 'morning-market', '../escape'], code: 1 },
    { name: 'deck delete without --yes, not a terminal', args: ['deck', 'delete', 'morning-market'], code: 1 },
    { name: 'show a missing deck', args: ['show', 'nodeck'], code: 1 },
    { name: 'stats of a missing deck', args: ['stats', 'nodeck'], code: 1 },
    { name: 'export a missing deck', args: ['export', 'nodeck', '--format', 'csv'], code: 1 },
    { name: 'review a missing deck (terminal)', args: ['review', 'nodeck'], code: 1, pty: true },
    // options
    { name: 'unknown command', args: ['frobnicate'], code: 2 },
    { name: 'unknown option', args: ['decks', '--frob'], code: 2 },
    { name: 'review --new abc', args: ['review', '--new', 'abc'], code: 2 },
    { name: 'review --new -1', args: ['review', '--new', '-1'], code: 2 },
    { name: 'review --limit 1e3', args: ['review', '--limit', '1e3'], code: 2 },
    { name: 'review --direction sideways', args: ['review', '--direction', 'sideways'], code: 2 },
    { name: 'review --new beyond a safe integer', args: ['review', '--new', '99999999999999999999'], code: 2 },
    { name: 'review --ahead 2.5', args: ['review', '--ahead', '2.5'], code: 2 },
    { name: 'review with stdin not a terminal', args: ['review'], code: 1 },
    { name: "show --state ''", args: ['show', 'morning-market', '--state', ''], code: 2 },
    { name: 'export --format xml', args: ['export', 'morning-market', '--format', 'xml'], code: 2 },
    { name: "export -o ''", args: ['export', 'morning-market', '--format', 'csv', '-o', ''], code: 2 },
    { name: 'export --reviews --format csv', args: ['export', '--reviews', '--format', 'csv'], code: 2 },
    { name: 'deck with an unknown subcommand', args: ['deck', 'frob'], code: 2 },
    { name: 'export --reviews -o the journal', args: ['export', '--reviews', '-o', 'JOURNAL'], code: 1, setup: withJournal },
    { name: 'export --reviews -o journal/', args: ['export', '--reviews', '-o', 'HOME/journal'], code: 1, setup: withJournal },
    { name: 'export --reviews -o journal.jsonl (an older release\'s journal)', args: ['export', '--reviews', '-o', 'HOME/journal.jsonl'], code: 1 },
    { name: 'export -o settings.json', args: ['export', 'morning-market', '--format', 'csv', '-o', 'HOME/settings.json'], code: 1 },
    { name: 'export -o onto state.json', args: ['export', '--reviews', '-o', 'HOME/state.json'], code: 1 },
    { name: 'export -o into decks/', args: ['export', 'morning-market', '--format', 'csv', '-o', 'HOME/decks/x.csv'], code: 1 },
    { name: 'import a symbolic-link loop', args: ['import', I.loop], code: 1 },
    { name: 'show --state bogus', args: ['show', 'morning-market', '--state', 'bogus'], code: 2 },
    { name: 'export --format pdf', args: ['export', 'morning-market', '--format', 'pdf'], code: 2 },
    { name: 'export without --format', args: ['export', 'morning-market'], code: 2 },
    { name: 'export -o into a missing directory', args: ['export', 'morning-market', '--format', 'csv', '-o', '/nonexistent/dir/x.csv'], code: 1 },
    { name: 'export -o onto a directory', args: ['export', 'morning-market', '--format', 'csv', '-o', dirs.inputs], code: 1 },
    { name: 'suspend an unknown note id', args: ['suspend', 'zzzzzz'], code: 1 },
    { name: 'suspend an empty id', args: ['suspend', ''], code: 1 },
    { name: 'unsuspend an unknown card direction', args: ['unsuspend', 'abc:xx-yy'], code: 1 },
    { name: 'optimize with too little history', args: ['optimize', '--apply'], code: 1 },
    // config values
    { name: 'config set desiredRetention 2', args: ['config', 'set', 'desiredRetention', '2'], code: 1 },
    { name: 'config set desiredRetention abc', args: ['config', 'set', 'desiredRetention', 'abc'], code: 1 },
    { name: 'config set desiredRetention NaN', args: ['config', 'set', 'desiredRetention', 'NaN'], code: 1 },
    { name: 'config set newPerDay 1.5', args: ['config', 'set', 'newPerDay', '1.5'], code: 1 },
    { name: 'config set newPerDay -3', args: ['config', 'set', 'newPerDay', '-3'], code: [1, 2] },
    { name: 'config set reviewsPerDay 1e9', args: ['config', 'set', 'reviewsPerDay', '1e9'], code: 1 },
    { name: 'config set dayStartsAt 24', args: ['config', 'set', 'dayStartsAt', '24'], code: 1 },
    { name: 'config set direction up', args: ['config', 'set', 'direction', 'up'], code: 1 },
    { name: 'config set showPinyin maybe', args: ['config', 'set', 'showPinyin', 'maybe'], code: 1 },
    { name: 'config set maxIntervalDays 0', args: ['config', 'set', 'maxIntervalDays', '0'], code: 1 },
    { name: 'config set an unknown key', args: ['config', 'set', 'nope', '1'], code: 1 },
    { name: 'config set __proto__', args: ['config', 'set', '__proto__', '1'], code: 1 },
    { name: 'config get an unknown key', args: ['config', 'get', 'nope'], code: 1 },
    // environment and homes
    { name: 'PARLEY_NOW not a date', args: ['decks'], env: { PARLEY_NOW: 'yesterday' }, code: 1 },
    { name: 'PARLEY_NOW out of range', args: ['decks'], env: { PARLEY_NOW: '2026-13-45T99:00:00Z' }, code: 1 },
    { name: '--home is a file', args: ['--home', I.sample ? join(dirs.inputs, 'english.txt') : '', 'decks'], code: 1, home: 'none' },
    { name: '--home inside a file', args: ['--home', join(dirs.inputs, 'english.txt', 'sub'), 'import', SAMPLE], code: 1, home: 'none' },
    { name: '--home under /proc (cannot be created)', args: ['--home', '/proc/parley-reliability/home', 'import', SAMPLE], code: 1, home: 'none' },
    ...['/proc', '/proc/self', '/sys/kernel', '/dev/null', join(tmpdir(), 'x'.repeat(5000)), I.loop].flatMap((home) => {
      const shown = home.length > 40 ? `a ${home.length}-character path` : home === I.loop ? 'a symbolic-link loop' : home;
      return [
        { name: `--home ${shown}: import`, args: ['--home', home, 'import', SAMPLE], code: 1, home: 'none' },
        { name: `--home ${shown}: config set`, args: ['--home', home, 'config', 'set', 'newPerDay', '5'], code: 1, home: 'none' },
      ];
    }),
    { name: "--home ''", args: ['--home', '', 'config', 'set', 'newPerDay', '5'], code: 2, home: 'none' },
    { name: 'home whose decks/ is a file', args: ['import', SAMPLE, '--deck', 'other'], code: 1, setup: (home) => { rmSync(join(home, 'decks'), { recursive: true }); writeFileSync(join(home, 'decks'), 'not a directory'); } },
    { name: 'home whose journal is a directory', args: ['suspend', 'MM0'], code: 1, setup: (home) => mkdirSync(helpers.ownJournal(home)) },
    { name: 'home whose journal/ is a file', args: ['suspend', 'MM0'], code: 1, setup: (home) => writeFileSync(join(home, 'journal'), 'not a directory') },
    { name: 'home whose journal.jsonl (an older release\'s journal) is a directory', args: ['suspend', 'MM0'], code: 1, setup: (home) => { rmSync(join(home, 'journal.jsonl'), { force: true }); mkdirSync(join(home, 'journal.jsonl')); } },
    { name: 'home whose settings.json is a directory', args: ['config', 'set', 'newPerDay', '5'], code: 1, setup: (home) => { rmSync(join(home, 'settings.json'), { force: true }); mkdirSync(join(home, 'settings.json')); } },
  ];
}

function mount(args) {
  return spawnSync('mount', args, { encoding: 'utf8' });
}

function runCase(c, template, work, i, helpers) {
  let home;
  if (c.home === 'none') home = undefined;
  else if (c.home) home = c.home;
  else {
    home = join(work, `bad-${i}`);
    helpers.copyHome(template, home);
  }
  if (c.setup) c.setup(home);
  const noteId = home && c.args.includes('MM0') ? JSON.parse(readFileSync(join(home, 'decks', 'morning-market.json'), 'utf8')).notes[0].id : undefined;
  const resolve = (a) => (a === 'MM0' ? noteId : a === 'JOURNAL' ? helpers.journalOf(home) : a.startsWith('HOME/') ? join(home, a.slice(5)) : a);
  const args = c.args.map(resolve);
  return { home, args };
}

export async function badInput({ workDir, helpers, quick }) {
  const inputsDir = join(workDir, 'bad-inputs');
  const inputs = makeInputs(inputsDir, quick);
  const template = join(workDir, 'bad-template');
  parley(['import', SAMPLE], { home: template, env: { PARLEY_NOW: NOW } });
  parley(['config', 'set', 'newPerDay', '12'], { home: template });
  const notes = [];
  const table = cases(inputs, { inputs: inputsDir }, helpers);

  // A home on a read-only file system and one on a full disk: real mounts when this machine allows
  // them (root in a privileged container); as root, chmod does not stop writes, so it is not used.
  const mounts = [];
  const ro = join(workDir, 'ro-mount');
  mkdirSync(ro, { recursive: true });
  if (mount(['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', ro]).status === 0) {
    mounts.push(ro);
    helpers.copyHome(template, join(ro, 'home'));
    if (mount(['-o', 'remount,ro', ro]).status === 0) {
      notes.push('read-only home: a tmpfs remounted read-only (chmod cannot stop root)');
      const home = join(ro, 'home');
      table.push(
        { name: 'read-only home: import', args: ['import', join(ROOT, 'tests', 'fixtures', 'articles', 'tea-markdown', 'article.md'), '--deck', 'tea'], code: 1, home },
        { name: 'read-only home: config set', args: ['config', 'set', 'newPerDay', '5'], code: 1, home },
        { name: 'read-only home: suspend (journal append)', args: ['suspend', 'MM0'], code: 1, home },
        { name: 'read-only home: deck rename', args: ['deck', 'rename', 'morning-market', 'market'], code: 1, home },
        { name: 'read-only home: decks still reads', args: ['decks', '--json'], code: 0, home },
      );
    }
  } else {
    notes.push('read-only home: tmpfs not mountable here; used a home under /proc instead (chmod cannot stop root)');
  }
  const full = join(workDir, 'full-mount');
  mkdirSync(full, { recursive: true });
  if (mount(['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', full]).status === 0) {
    mounts.push(full);
    helpers.copyHome(template, join(full, 'home'));
    // Fill the rest of the disk.
    const fd = openSync(join(full, 'filler'), 'w');
    try {
      for (;;) writeSync(fd, Buffer.alloc(4096, 1));
    } catch {
      // ENOSPC: full
    } finally {
      closeSync(fd);
    }
    notes.push('full disk: a 256 KiB tmpfs filled to the last block');
    const home = join(full, 'home');
    table.push(
      { name: 'full disk: import', args: ['import', join(ROOT, 'tests', 'fixtures', 'articles', 'tea-markdown', 'article.md'), '--deck', 'tea'], code: 1, home },
      { name: 'full disk: config set', args: ['config', 'set', 'newPerDay', '5'], code: 1, home },
      { name: 'full disk: suspend (journal append)', args: ['suspend', 'MM0'], code: 1, home },
      { name: 'full disk: export -o', args: ['export', 'morning-market', '--format', 'csv', '-o', join(full, 'home', 'out.csv')], code: 1, home },
    );
  } else {
    notes.push('full disk: tmpfs not mountable here, not simulated');
  }

  const failures = [];
  let passed = 0;
  try {
    for (let i = 0; i < table.length; i++) {
      const c = table[i];
      const { home, args } = runCase(c, template, workDir, i, helpers);
      const watched = [inputsDir, ...(c.watch ? [c.watch] : []), ...(home ? [home] : [])];
      const before = watched.map(snapshotFiles);
      let r;
      if (c.pty) {
        const t = terminal(args, { PARLEY_HOME: home, PARLEY_NOW: NOW });
        const { exitCode } = await t.exit;
        const text = t.buffer.replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '').replace(/\r/g, '');
        r = { status: exitCode, stderr: text, stdout: '' };
      } else {
        r = parley(args, { home, env: { PARLEY_NOW: NOW, ...c.env } });
      }
      const after = watched.map(snapshotFiles);
      const changed = watched.flatMap((w, k) => diffSnapshots(before[k], after[k]).map((f) => join(w, f)));
      const problems = [];
      const codes = Array.isArray(c.code) ? c.code : [c.code];
      if (looksLikeCrash(r)) problems.push(`crashed: ${r.stderr.trim().split('\n').slice(0, 4).join(' | ')}`);
      if (!codes.includes(r.status)) problems.push(`exit ${r.status}, expected ${codes.join(' or ')}`);
      const lines = stderrLines(r);
      if (c.code !== 0 && (lines.length !== 1 || !/^parley: .+ — .+/.test(lines[0]))) problems.push(`stderr is not one "parley: … — …" line: ${JSON.stringify(r.stderr.slice(0, 300))}`);
      if (changed.length) problems.push(`changed ${changed.join(', ')}`);
      if (problems.length) failures.push(`${c.name} (parley ${args.join(' ').slice(0, 120)}): ${problems.join('; ')}`);
      else passed++;
      if (home && !c.home) rmSync(home, { recursive: true, force: true });
    }
  } finally {
    for (const m of mounts.reverse()) spawnSync('umount', [m]);
  }
  const commands = new Set(table.map((c) => { const a = c.args[0] === '--home' ? c.args[2] : c.args[0]; return a; }));
  void execFileSync;
  return { cases: table.length, commands: commands.size, passed, notes, failures };
}

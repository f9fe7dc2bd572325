// Paths: homes whose files say things they should not — a deck file claiming another slug (a path
// outside the home, an absolute path, another deck's name), a copied deck file, a deck file named
// oddly, a symlinked deck file, a forged rename marker — each run through every command that
// reads or writes decks. Nothing outside the home may change, no command may crash, and every
// refusal is one line.
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffSnapshots, looksLikeCrash, parley, ROOT, snapshotFiles, stderrLines } from './util.mjs';

const NOW = '2026-11-29T10:00:00Z';
const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');

function retag(file, change) {
  const deck = JSON.parse(readFileSync(file, 'utf8'));
  change(deck);
  writeFileSync(file, `${JSON.stringify(deck, null, 2)}\n`);
}

/** Each tampering of a fresh home holding deck "plain" (imported from the sample). */
const TAMPERINGS = {
  'slug ../../pwned': (home) => retag(join(home, 'decks', 'plain.json'), (d) => (d.slug = '../../pwned')),
  'slug absolute path': (home, outside) => retag(join(home, 'decks', 'plain.json'), (d) => (d.slug = join(outside, 'abs'))),
  'slug of another deck': (home) => {
    cpSync(join(home, 'decks', 'plain.json'), join(home, 'decks', 'other.json'));
    retag(join(home, 'decks', 'plain.json'), (d) => (d.slug = 'other'));
  },
  'copied deck file': (home) => cpSync(join(home, 'decks', 'plain.json'), join(home, 'decks', 'copy.json')),
  'deck file not named as a deck': (home) => cpSync(join(home, 'decks', 'plain.json'), join(home, 'decks', 'Up..Dir.json')),
  'deck file symlinked outside': (home, outside) => {
    cpSync(join(home, 'decks', 'plain.json'), join(outside, 'linked.json'));
    symlinkSync(join(outside, 'linked.json'), join(home, 'decks', 'linked.json'));
  },
  'forged rename marker': (home) => writeFileSync(join(home, 'rename.pending'), JSON.stringify({ id: 'x', from: '../../pwned', to: 'plain', name: 'p', mark: { offset: 0, line: 1 } })),
};

function commands(noteId) {
  return [
    ['decks'], ['decks', '--json'], ['show', 'plain'], ['stats'], ['export', 'plain', '--format', 'json'],
    ['suspend', noteId], ['unsuspend', noteId], ['deck', 'rename', 'plain', 'renamed'], ['deck', 'rename', 'copy', 'copy2'],
    ['deck', 'rename', 'linked', 'unlinked'], ['import', SAMPLE, '--deck', 'plain'], ['deck', 'delete', 'renamed', '--yes'],
  ];
}

export async function paths({ workDir }) {
  const failures = [];
  let runs = 0;
  let outsideChanged = 0;
  let crashes = 0;
  for (const [name, tamper] of Object.entries(TAMPERINGS)) {
    const root = join(workDir, 'paths', name.replace(/\W+/g, '-'));
    const outside = join(root, 'outside');
    const home = join(root, 'a', 'b', 'home');
    mkdirSync(outside, { recursive: true });
    mkdirSync(home, { recursive: true });
    writeFileSync(join(outside, 'keep.txt'), 'a file outside the home\n');
    const made = parley(['import', SAMPLE, '--deck', 'plain'], { home });
    if (made.status !== 0) {
      failures.push(`${name}: could not make the home: ${made.stderr.trim()}`);
      continue;
    }
    const noteId = JSON.parse(readFileSync(join(home, 'decks', 'plain.json'), 'utf8')).notes[0].id;
    tamper(home, outside);
    const before = { outside: snapshotFiles(outside), root: snapshotFiles(join(root, 'a')) };
    for (const args of commands(noteId)) {
      runs++;
      const r = parley(args, { home, env: { PARLEY_NOW: NOW } });
      const what = `${name}: parley ${args.join(' ')}`;
      if (looksLikeCrash(r)) {
        crashes++;
        failures.push(`${what}: crashed (exit ${r.status}): ${r.stderr.trim().split('\n')[0]}`);
      } else if (r.status !== 0 && (r.status !== 1 || stderrLines(r).length !== 1)) {
        failures.push(`${what}: exit ${r.status} with ${stderrLines(r).length} lines on stderr`);
      }
      const changed = [
        ...diffSnapshots(before.outside, snapshotFiles(outside)).map((f) => join(outside, f)),
        ...diffSnapshots(before.root, snapshotFiles(join(root, 'a'))).filter((f) => !f.startsWith('b/home/')),
      ];
      if (changed.length) {
        outsideChanged++;
        failures.push(`${what}: changed files outside the home: ${changed.join(', ')}`);
      }
    }
  }
  rmSync(join(workDir, 'paths'), { recursive: true, force: true });
  return { tamperings: Object.keys(TAMPERINGS).length, runs, outsideChanged, crashes, failures };
}

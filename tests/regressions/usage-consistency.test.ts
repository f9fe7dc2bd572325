// Issue 10, item 18. The attack found four inconsistencies:
// - `--format xml`, a missing `--format` and `--state bogus` exited 1 while `--direction bad` exited
//   2: all are wrong usage. Now every enumerated, numeric or empty option value, of every command,
//   is a usage error: one line, exit 2, nothing written (the table below).
// - `parley deck` alone printed "parley: (outputHelp)". A bare command group now shows its own help
//   on stdout and exits 0, as bare `parley` does.
// - "cannot /tmp/…: permission denied": a file-system error whose system call had no verb. Every
//   system call now has one.
// - "not valid JSON" pointed at the last line of a deck file whatever the mistake (Node 20 gives
//   no position for an unexpected token). The line is now the mistake's, for deck files and for
//   settings.json and state files alike.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/file.js';
import { systemProblem } from '../../src/core/system-error.js';
import { readConfFile } from '../../src/store/conf-file.js';
import { ROOT, tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');

/** Every file under the home with its content, to show that nothing changed. */
function listing(home: string): string {
  const files = readdirSync(home, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return JSON.stringify(files.map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), 'utf8')]));
}

describe('every bad option value is a usage error: one line, exit 2, nothing written', () => {
  const home = tempHome();
  beforeAll(async () => {
    expect((await parleyIn(['import', SAMPLE], { home })).code).toBe(0);
  });
  const table: string[][] = [
    ['--home', '', 'decks'],
    ['decks', '--frob'],
    ['import', SAMPLE, '--encoding', 'klingon'],
    ['import', SAMPLE, '--encoding', ''],
    ['import', SAMPLE, '--deck', ''],
    ['review', '--direction', 'sideways'],
    ['review', '--direction', ''],
    ['review', '--new', 'abc'],
    ['review', '--new', '-1'],
    ['review', '--new', '99999999999999999999'],
    ['review', '--limit', '1e3'],
    ['review', '--limit', ''],
    ['review', '--ahead', 'soon'],
    ['review', '--ahead', '2.5'],
    ['show', 'morning-market', '--state', 'bogus'],
    ['show', 'morning-market', '--state', ''],
    ['show'],
    ['export', 'morning-market', '--format', 'xml'],
    ['export', 'morning-market', '--format', ''],
    ['export', 'morning-market'],
    ['export', 'morning-market', '--format', 'csv', '-o', ''],
    ['export', '--reviews', '--format', 'csv'],
    ['stats', 'morning-market', 'extra'],
    ['config', 'get'],
    ['config', 'set', 'newPerDay'],
    ['config', 'frob'],
    ['deck', 'frob'],
    ['deck', 'rename', 'morning-market'],
    ['suspend'],
  ];
  for (const args of table) {
    it(`parley ${args.map((a) => (a === '' ? "''" : a)).join(' ').replace(ROOT, '')}`, async () => {
      const before = listing(home);
      const result = await parleyIn(args, { home });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^parley: .+ — .+/);
      expect(result.stderr).not.toContain('(outputHelp)');
      expect(listing(home)).toBe(before);
    });
  }
});

describe('a bare command group shows its help', () => {
  for (const group of ['deck', 'config']) {
    it(`parley ${group}: its help on stdout, exit 0`, async () => {
      const result = await parleyIn([group], { home: tempHome() });
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(new RegExp(`^Usage: parley ${group} `));
      expect(result.stdout).not.toContain('(outputHelp)');
    });
  }
});

describe('a file-system error names what parley was doing', () => {
  const calls = ['open', 'read', 'write', 'close', 'fsync', 'mkdir', 'rename', 'unlink', 'rmdir', 'link', 'symlink', 'stat', 'lstat', 'fstat', 'scandir', 'opendir', 'realpath', 'access', 'copyfile', 'ftruncate'];
  for (const syscall of calls) {
    it(`${syscall}: "cannot <verb> <path>"`, () => {
      const error = Object.assign(new Error('x'), { code: 'EACCES', syscall, path: '/tmp/somewhere' });
      expect(systemProblem(error)).toMatch(/^cannot [a-z][a-z ]* \/tmp\/somewhere: permission denied \(EACCES\)$/);
    });
  }

  it('a home whose decks/ is a file: the import says what it could not do', async () => {
    const home = tempHome();
    writeFileSync(join(home, 'decks'), 'not a directory');
    const result = await parleyIn(['import', SAMPLE], { home });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^parley: cannot [a-z]+ /);
    expect(result.stderr).not.toMatch(/^parley: cannot \//);
  });
});

describe('"not valid JSON" names the line of the mistake', () => {
  const deck = readFileSync(join(ROOT, 'decks', 'morning-market.json'), 'utf8');
  const lines = deck.split('\n');
  const at = (text: string) => {
    try {
      parseDeck(text, 'deck.json');
    } catch (error) {
      return Number(/^deck\.json:(\d+):/.exec((error as Error).message)?.[1]);
    }
    throw new Error('parsed');
  };

  it('a trailing comma after the last note', () => {
    const end = lines.lastIndexOf('  ]');
    const broken = [...lines.slice(0, end - 1), `${lines[end - 1]},`, ...lines.slice(end)].join('\n');
    expect(at(broken)).toBe(end + 1);
  });

  it('a trailing comma after a property', () => {
    const i = lines.findIndex((l) => l.includes('"order"'));
    const broken = [...lines.slice(0, i), `${lines[i]},`, ...lines.slice(i + 1)].join('\n');
    expect(at(broken)).toBe(i + 2);
  });

  it('garbage on line 7', () => {
    const broken = [...lines.slice(0, 6), `${lines[6]} oops`, ...lines.slice(7)].join('\n');
    expect(at(broken)).toBe(7);
  });

  it('a stray character deep in the file', () => {
    const i = Math.floor(lines.length / 2);
    const broken = [...lines.slice(0, i), `${lines[i]}]`, ...lines.slice(i + 1)].join('\n');
    expect(at(broken)).toBe(i + 1);
  });

  it('a file cut short: its last line, not the empty line after it', () => {
    const cut = lines.slice(0, 20).join('\n');
    expect(at(`${cut}\n`)).toBe(20);
  });

  it('a stray character anywhere: the line it is on (short, start, middle and end of the text)', () => {
    for (const text of [deck, '{"a": [1, 2]}', '{\n  "a": [1, 2, 3, 4, 5, 6, 7, 8, 9],\n  "b": "c"\n}\n']) {
      for (let p = 0; p <= text.length; p++) {
        for (const stray of ['x', ']', '}']) {
          const broken = text.slice(0, p) + stray + text.slice(p);
          try {
            JSON.parse(broken);
          } catch (error) {
            // The text before the stray character was valid, so the mistake is the character itself.
            if (!(error as Error).message.startsWith('Unexpected token')) continue;
            expect(at(broken), `${JSON.stringify(stray)} at ${p}`).toBe(text.slice(0, p).split('\n').length);
          }
        }
      }
    }
  });

  it('settings.json: the line is named too', () => {
    const file = join(tempHome(), 'settings.json');
    writeFileSync(file, '{\n  "newPerDay": 5,\n  "dayStartsAt": 4,\n}\n');
    expect(() => readConfFile(file, { type: 'object' })).toThrow(/settings\.json:4: is not valid JSON/);
  });
});

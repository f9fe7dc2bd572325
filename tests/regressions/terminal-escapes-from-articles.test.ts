// Attack (issue 10, item 3): an article holding terminal control sequences — OSC 52 (writes the
// reader's clipboard), OSC 8 (a hidden link), CSI 2J (clears the screen), a DCS string, the C1 byte
// 0x9b (CSI in one byte), the bidi override U+202E — reached the terminal raw in the import summary,
// `show`, `decks`, the review screen, error messages echoing an argument, and the Anki `#deck:`
// line; HTML `&#27;` decoded to ESC. Fix: import strips control characters and bidi controls (in
// the text every article goes through, and in HTML entity decoding); deck names with them are
// refused; and the one writer every output goes through turns any control character or escape
// sequence that is not parley's own styling into a visible `\uXXXX`, so a deck file edited by hand
// cannot reach the terminal either.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';
import { runInTerminal } from '../helpers/pty.js';

const ESC = '\x1b';
const PAYLOADS = {
  osc52: `${ESC}]52;c;cGF5bG9hZA==\x07`,
  osc8: `${ESC}]8;;https://evil.example/${ESC}\\link${ESC}]8;;${ESC}\\`,
  clear: `${ESC}[2J`,
  dcs: `${ESC}P1$qm${ESC}\\`,
  c1: '\x9b31m',
  bidi: '\u202eevil\u202c\u2066',
};
const ALL = Object.values(PAYLOADS).join('');

/** Any C0 control but tab and newline, DEL, C1, or a bidi embedding/override/isolate. */
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

function expectClean(text: string): void {
  const at = RAW_CONTROL.exec(text);
  expect(at && JSON.stringify(text.slice(Math.max(0, at.index - 20), at.index + 20)), 'raw control character in output').toBeNull();
}

function writeArticle(dir: string, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, [
    `河边的老茶馆每天早上都坐满了人。${PAYLOADS.osc52}老人们喜欢在这里下棋聊天。`,
    '',
    `The old teahouse by the river is full every morning.${PAYLOADS.osc8} The old men like to play chess and chat here.`,
    '',
    `店主说${PAYLOADS.bidi}他从不提价,因为熟客就像家人。${PAYLOADS.clear}`,
    '',
    `The owner says he never raises prices${PAYLOADS.c1}, because regulars are like family.${PAYLOADS.dcs}`,
    '',
  ].join('\n'));
  return file;
}

const HTML = [
  '<html><head><title>茶馆&#27;[2J&#x9b;</title></head><body>',
  '<p>河边的老茶馆每天早上都坐满了人&#27;]52;c;eA==&#7;。老人们喜欢在这里下棋聊天&#x202E;。</p>',
  '<p>The old teahouse by the river is full every morning&#x9b;2J. The old men like to play chess&#0; and chat here&#x1b;[31m.</p>',
  '</body></html>',
].join('');

/** A deck file edited by hand after import: the writer, not the importer, has to stop these. */
function poisonDeck(home: string, slug: string): void {
  const file = join(home, 'decks', `${slug}.json`);
  const deck = JSON.parse(readFileSync(file, 'utf8'));
  deck.name = `茶馆${ALL}`;
  deck.notes[0].zh = `${PAYLOADS.osc52}${deck.notes[0].zh}${PAYLOADS.bidi}`;
  deck.notes[0].en = `${deck.notes[0].en}${PAYLOADS.osc8}${PAYLOADS.clear}${PAYLOADS.c1}`;
  writeFileSync(file, JSON.stringify(deck, null, 2));
}

async function importedHome(): Promise<{ home: string; slug: string }> {
  const home = tempHome();
  const file = writeArticle(home, 'teahouse.txt');
  const result = await parleyIn(['import', file], { home });
  expect(result.code).toBe(0);
  expectClean(result.stdout + result.stderr);
  return { home, slug: 'teahouse' };
}

describe('control sequences in an article never reach the terminal', () => {
  it('import strips them: the summary and the deck file hold none', async () => {
    const { home, slug } = await importedHome();
    const deck = readFileSync(join(home, 'decks', `${slug}.json`), 'utf8');
    expectClean(JSON.stringify(JSON.parse(deck)).replace(/\\u[0-9a-f]{4}/gi, (e) => JSON.parse(`"${e}"`)));
    const notes = JSON.parse(deck).notes as { zh: string; en: string }[];
    expect(notes.map((n) => n.zh).join('')).toContain('老人们喜欢在这里下棋聊天');
    for (const n of notes) expectClean(n.zh + n.en);
  });

  it('HTML entities that decode to controls (&#27; &#x9b; &#0; &#x202E;) are dropped', async () => {
    const home = tempHome();
    const file = join(home, 'page.html');
    writeFileSync(file, HTML);
    const text = await parleyIn(['import', file, '--dry-run'], { home });
    expect(text.code).toBe(0);
    expectClean(text.stdout + text.stderr);
    const json = await parleyIn(['import', file, '--dry-run', '--json'], { home });
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    expectClean(JSON.stringify(doc.pairs).replace(/\\u[0-9a-f]{4}/gi, (e) => JSON.parse(`"${e}"`)));
    expect(doc.pairs[0].en).toContain('The old teahouse');
  });

  it('a deck file edited by hand: show, decks, export and --json stay clean', async () => {
    const { home, slug } = await importedHome();
    poisonDeck(home, slug);
    for (const args of [['show', slug], ['decks'], ['export', slug, '--format', 'anki'], ['export', slug, '--format', 'md']]) {
      const result = await parleyIn(args, { home });
      expect(result.code, args.join(' ')).toBe(0);
      expectClean(result.stdout + result.stderr);
    }
    const anki = (await parleyIn(['export', slug, '--format', 'anki'], { home })).stdout;
    expect(anki).toMatch(/^#deck:茶馆/m);
    // JSON stays JSON, and says exactly what the file holds: the controls come back as \u escapes.
    const shown = await parleyIn(['show', slug, '--json'], { home });
    expectClean(shown.stdout);
    expect(JSON.parse(shown.stdout).deck.name).toBe(`茶馆${ALL}`);
    const decks = await parleyIn(['decks', '--json'], { home });
    expectClean(decks.stdout);
    expect(JSON.parse(decks.stdout)[0].name).toBe(`茶馆${ALL}`);
  });

  it('colour on: parley\'s own styling still arrives, nothing else does', async () => {
    const { home, slug } = await importedHome();
    poisonDeck(home, slug);
    const result = await parleyIn(['show', slug], { home, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\x1b\[1m/);
    const unstyled = result.stdout.replace(/\x1b\[[0-9;]*m/g, '');
    expectClean(unstyled);
    // A colour sequence the data carried is shown, not obeyed.
    expect(result.stdout).not.toContain('\x9b31m');
  });

  it('an error that echoes an argument shows the controls instead of sending them', async () => {
    const home = tempHome();
    const show = await parleyIn(['show', `x${PAYLOADS.osc52}${PAYLOADS.clear}`], { home });
    expect(show.code).toBe(1);
    expectClean(show.stderr);
    expect(show.stderr).toContain('\\u001b]52;c;');
    const state = await parleyIn(['show', 'x', '--state', `due${PAYLOADS.bidi}`], { home });
    expectClean(state.stderr);
  });

  it('a deck name with control characters is refused in one line', async () => {
    const home = tempHome();
    const file = writeArticle(home, 'teahouse.txt');
    const result = await parleyIn(['import', file, '--deck', `tea${PAYLOADS.clear}`], { home });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^parley: deck name .* control character.* — /);
    expectClean(result.stderr);
  });

  it('the delete confirmation (a prompt that writes to the terminal itself) shows the name, not its sequences', async () => {
    const { home, slug } = await importedHome();
    poisonDeck(home, slug);
    const term = runInTerminal(['deck', 'delete', slug], { PARLEY_HOME: home, NO_COLOR: '1' });
    await term.waitFor('Delete deck');
    term.type('n\r');
    expect(await term.exited).toBe(0);
    // The prompt's own cursor and erase sequences (CSI) aside, nothing the name held arrives.
    const rest = term.raw().replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '').replace(/\r/g, '');
    expectClean(rest);
    expect(term.output()).toContain('\\u001b]52;c;');
  }, 30_000);

  it('the review screen draws a hand-edited deck without its sequences', async () => {
    const { home, slug } = await importedHome();
    poisonDeck(home, slug);
    const term = runInTerminal(['review', slug, '--direction', 'zh-en'], { PARLEY_HOME: home, NO_COLOR: '1' });
    await term.waitFor('new ');
    term.type(' ');
    await term.waitFor('1 Again');
    term.type('q');
    expect(await term.exited).toBe(0);
    // The screen's own cursor, erase and alternate-screen sequences are all it may send.
    const own = /\x1b\[(?:\?1049[hl]|\?25[hl]|H|K|J)/g;
    const rest = term.raw().replace(own, '').replace(/\r/g, '');
    expectClean(rest);
    expect(term.output()).toContain('\\u001b]52;c;');
  }, 30_000);
});

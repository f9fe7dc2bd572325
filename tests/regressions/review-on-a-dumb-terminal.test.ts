// Attack (issue 10, item 20): with TERM=dumb — a terminal that understands no escape sequences,
// such as Emacs' shell buffer or a serial console — `parley review` still switched to the
// alternate screen, addressed the cursor and erased lines, so the session was a mess of escape
// codes. Fix: on a dumb terminal the review is plain scrolling text: each new frame printed below
// the last (no padding to the screen's height), no colour, and a typed answer read as a line the
// terminal itself echoes and edits.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parley, ROOT, tempHome } from '../helpers/cli.js';
import { journalLines } from '../helpers/journal.js';
import { runInTerminal } from '../helpers/pty.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');
const NOW = '2026-11-30T09:00:00Z';

function journal(home: string) {
  return journalLines(home).map((l) => JSON.parse(l));
}

function sampleHome(): string {
  const home = tempHome();
  expect(parley(['import', SAMPLE], { home }).status).toBe(0);
  return home;
}

describe('review with TERM=dumb', () => {
  it('is plain scrolling text: no escape sequence at all, and keys still grade', async () => {
    const home = sampleHome();
    // FORCE_COLOR is not set and NO_COLOR is not either: the dumb terminal alone turns colour off.
    const term = runInTerminal(['review', '--direction', 'zh-en', '--new', '2'], { PARLEY_HOME: home, PARLEY_NOW: NOW, TERM: 'dumb' });
    await term.waitFor('space/enter show');
    term.type(' ');
    await term.waitFor('1 Again');
    term.mark();
    term.type('3');
    await term.waitFor(/new 1/);
    term.type('q');
    expect(await term.exited).toBe(0);
    expect(term.raw()).not.toContain('\x1b');
    expect(term.output()).toMatch(/cards done\s+1/);
    // Frames follow each other; none is padded with blank lines to fill a screen.
    expect(term.output()).not.toMatch(/\n\s*\n\s*\n\s*\n/);
    expect(journal(home).map((e) => e.rating)).toEqual([3]);
  }, 30_000);

  it('--type: the answer is a line the terminal echoes, still without escape sequences', async () => {
    const home = sampleHome();
    const term = runInTerminal(['review', '--type', '--direction', 'zh-en', '--new', '2'], { PARLEY_HOME: home, PARLEY_NOW: NOW, TERM: 'dumb' });
    await term.waitFor('Your answer:');
    term.type('Every morning at six the market on the old street comes alive\r');
    await term.waitFor(/typed: .*\{\+to life\+\}/);
    term.mark();
    term.type('\r');
    await term.waitFor('Your answer:');
    // End of input on the cooked line ends the session (Ctrl+C there is an interrupt: exit 130).
    term.type('\x04');
    expect(await term.exited).toBe(0);
    expect(term.raw()).not.toContain('\x1b');
    expect(journal(home).map((e) => e.rating)).toEqual([2]);
  }, 30_000);
});

// Attack (issue 10, item 20): in `parley review --type`, pasting 3,000 Chinese characters into
// the answer prompt redrew the whole 75-line answer after every character (the prompt library
// renders each keypress), scrolling the card off the screen and leaving only the paste until a
// resize. Fix: the answer is typed inside the review screen, which shows the end of it on one line
// (and keeps at most a few hundred characters), so the screen stays 80×24 with the card on it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parley, ROOT, tempHome } from '../helpers/cli.js';
import { runInTerminal } from '../helpers/pty.js';
import { displayWidth } from '../../src/ui/width.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');

/** The last frame drawn: what follows the last cursor-home, as screen lines. */
function lastFrame(raw: string): string[] {
  const frame = raw.slice(raw.lastIndexOf('\x1b[H') + 3);
  return frame.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '').split('\n');
}

describe('a long paste into a typed answer', () => {
  it('keeps the card on an 80×24 screen while typing and after enter', async () => {
    const home = tempHome();
    expect(parley(['import', SAMPLE], { home }).status).toBe(0);
    const term = runInTerminal(['review', '--type', '--direction', 'en-zh'], { PARLEY_HOME: home, PARLEY_NOW: '2026-11-30T09:00:00Z', NO_COLOR: '1' });
    await term.waitFor('Your answer:');
    const before = term.raw().length;
    term.mark();
    term.type('春'.repeat(3000));
    await term.waitFor(/春{20}/);
    // Let a slow redraw show itself: the screen must have settled to one frame.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const typing = lastFrame(term.raw());
    expect(typing.length).toBeLessThanOrEqual(24);
    expect(typing.every((line) => displayWidth(line) <= 80)).toBe(true);
    expect(typing[0]).toMatch(/new \d+\s+learn/);
    expect(typing.join('\n')).toContain('Every morning at six');
    // A frame or so per chunk of the paste, not the whole answer again after every character.
    expect(term.raw().length - before).toBeLessThan(200_000);

    term.mark();
    term.type('\r');
    await term.waitFor('typed:');
    const checked = lastFrame(term.raw());
    expect(checked.length).toBeLessThanOrEqual(24);
    expect(checked.every((line) => displayWidth(line) <= 80)).toBe(true);
    expect(checked[0]).toMatch(/new \d+\s+learn/);
    expect(checked.join('\n')).toMatch(/1 Again/);
    term.type('\x03');
    expect(await term.exited).toBe(0);
  }, 60_000);
});

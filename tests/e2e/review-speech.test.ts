// Speech in review on a real pseudo-terminal, through the built CLI: a fake engine on PATH records
// what it was asked to say; with none on PATH, `v` gives the one-line hint.
import { describe, expect, it } from 'vitest';
import { parley, tempHome } from '../helpers/cli.js';
import { emptyPath, fakeEngine } from '../helpers/fake-speech.js';
import { runInTerminal } from '../helpers/pty.js';
import { TEA_HOUSE, teaHouseArticle } from '../helpers/speech-deck.js';

const NOW = '2026-11-30T09:00:00.000Z';

function deckHome(): string {
  const home = tempHome();
  expect(parley(['import', teaHouseArticle(), '--deck', 'tea-house', '--suggest', '0'], { home }).status).toBe(0);
  return home;
}

describe('speech in review, in a terminal', () => {
  it('v calls the engine with the card’s Chinese, and the next card stops it', async () => {
    const home = deckHome();
    const engine = fakeEngine();
    const term = runInTerminal(['review', '--direction', 'zh-en', '--new', '3'], { PARLEY_HOME: home, PARLEY_NOW: NOW, NO_COLOR: '1', PATH: engine.path });
    await term.waitFor(TEA_HOUSE[0]!.zh.slice(0, 8));
    term.type('v');
    await engine.until((e) => e.calls().length === 1);
    expect(engine.calls()[0]!.args).toEqual(['-v', 'cmn', TEA_HOUSE[0]!.zh]);
    term.mark();
    term.type(' 3');
    await term.waitFor(TEA_HOUSE[1]!.zh.slice(0, 8));
    await engine.until((e) => e.killed().length === 1);
    expect(engine.killed()).toEqual([engine.calls()[0]!.pid]);
    term.type('q');
    expect(await term.exited).toBe(0);
    expect(engine.calls()).toHaveLength(1);
  }, 60_000);

  it('--speak says each prompt as it appears, and stops the last at the next card and at the end', async () => {
    const home = deckHome();
    const engine = fakeEngine();
    const term = runInTerminal(['review', '--direction', 'zh-en', '--new', '3', '--speak'], { PARLEY_HOME: home, PARLEY_NOW: NOW, NO_COLOR: '1', PATH: engine.path });
    await engine.until((e) => e.calls().length === 1);
    term.type(' 3');
    await engine.until((e) => e.calls().length === 2);
    term.type(' 3');
    await engine.until((e) => e.calls().length === 3);
    expect(engine.calls().map((c) => c.args[2])).toEqual(TEA_HOUSE.map((p) => p.zh));
    term.type('q');
    expect(await term.exited).toBe(0);
    await engine.until((e) => e.killed().length === 3);
    expect(engine.killed()).toEqual(engine.calls().map((c) => c.pid));
  }, 60_000);

  it('with no engine on PATH, v shows what to install on one dim line', async () => {
    const home = deckHome();
    const term = runInTerminal(['review', '--direction', 'zh-en', '--new', '3'], { PARLEY_HOME: home, PARLEY_NOW: NOW, PATH: emptyPath() });
    await term.waitFor(TEA_HOUSE[0]!.zh.slice(0, 8));
    term.mark();
    term.type('v');
    await term.waitFor('no speech engine found — install espeak-ng (`apt install espeak-ng`)');
    // Dim (SGR 2), as the rest of the screen's help is.
    expect(term.raw()).toMatch(/\x1b\[2mno speech engine found/);
    // Once a session: on the next card v shows it no more.
    term.type(' 3');
    await term.waitFor(TEA_HOUSE[1]!.zh.slice(0, 8));
    term.mark();
    term.type('v ');
    await term.waitFor('3 Good');
    expect(term.output().split('3 Good').at(-2)).not.toContain('no speech engine');
    term.type('q');
    expect(await term.exited).toBe(0);
  }, 60_000);
});

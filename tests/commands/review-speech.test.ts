// Speech in a review session, in-process: a fake engine on the session's PATH records what it was
// asked to say, and keys are typed while the session runs (the engine starts between keys).
// The engines are child processes (node:child_process, through the speaker): `npm test` runs this, not test:fast.
import { describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/cli.js';
import { emptyPath, fakeEngine } from '../helpers/fake-speech.js';
import { parleyIn } from '../helpers/in-process.js';
import { TEA_HOUSE, teaHouseArticle } from '../helpers/speech-deck.js';
import { createTestIO, type TestIO } from '../helpers/test-io.js';

const env = { PARLEY_NOW: '2026-11-30T09:00:00.000Z', TZ: 'UTC' };
const HINT = 'no speech engine found — install espeak-ng (`apt install espeak-ng`)';

async function deckHome(): Promise<string> {
  const home = tempHome();
  expect((await parleyIn(['import', teaHouseArticle(), '--deck', 'tea-house', '--suggest', '0'], { home })).code).toBe(0);
  return home;
}

/** A session on a terminal whose keys the test types; `screen()` is all it drew, `since` cuts at a mark. */
function session(home: string, args: string[], path: string) {
  const io: TestIO = createTestIO({ isTTY: true });
  const done = parleyIn(['review', 'tea-house', '--direction', 'zh-en', ...args], { home, env: { ...env, PATH: path }, io });
  const screen = () => io.stdoutText();
  return {
    done,
    screen,
    type: (keys: string) => io.type(keys),
    async until(text: string, from = 0) {
      for (let i = 0; i < 500 && !screen().slice(from).includes(text); i++) await new Promise((r) => setTimeout(r, 10));
      expect(screen().slice(from)).toContain(text);
    },
  };
}

describe('speech in review', () => {
  it('v says the card’s Chinese; once the answer shows, the Chinese and then the English', async () => {
    const home = await deckHome();
    const engine = fakeEngine('espeak-ng', 0);
    const s = session(home, ['--new', '3'], engine.path);
    await s.until(TEA_HOUSE[0]!.zh);
    s.type('v');
    await engine.until((e) => e.calls().length === 1);
    expect(engine.calls()[0]!.args).toEqual(['-v', 'cmn', TEA_HOUSE[0]!.zh]);
    s.type(' ');
    await s.until('3 Good');
    s.type('v');
    await engine.until((e) => e.calls().length === 3);
    expect(engine.calls().slice(1).map((c) => c.args)).toEqual([['-v', 'cmn', TEA_HOUSE[0]!.zh], ['-v', 'en', TEA_HOUSE[0]!.en]]);
    s.type('q');
    expect((await s.done).code).toBe(0);
  });

  it('with no engine, v shows one dim line saying what to install, once in the session', async () => {
    const home = await deckHome();
    const s = session(home, ['--new', '3'], emptyPath());
    await s.until(TEA_HOUSE[0]!.zh);
    s.type('v');
    await s.until(HINT);
    // It stays with this card; from the next card on it is gone, and v does not bring it back.
    const mark = s.screen().length;
    s.type(' 3');
    await s.until(TEA_HOUSE[1]!.zh, mark);
    const next = s.screen().length;
    s.type('v ');
    await s.until('3 Good', next);
    expect(s.screen().slice(next)).not.toContain(HINT);
    s.type('q');
    const result = await s.done;
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('--speak says each prompt as it appears, and a new card stops what the last one was saying', async () => {
    const home = await deckHome();
    const engine = fakeEngine();
    const s = session(home, ['--new', '3', '--speak'], engine.path);
    await engine.until((e) => e.calls().length === 1);
    s.type(' 3');
    await engine.until((e) => e.calls().length === 2 && e.killed().length === 1);
    const [first, second] = engine.calls();
    expect([first!.args, second!.args]).toEqual([['-v', 'cmn', TEA_HOUSE[0]!.zh], ['-v', 'cmn', TEA_HOUSE[1]!.zh]]);
    expect(engine.killed()).toEqual([first!.pid]);
    // Quitting silences the card on screen too.
    s.type('q');
    expect((await s.done).code).toBe(0);
    await engine.until((e) => e.killed().length === 2);
    expect(engine.killed()[1]).toBe(second!.pid);
  });

  it('`config set speech auto` speaks as --speak does, and `off` is the default', async () => {
    const home = await deckHome();
    expect((await parleyIn(['config', 'get', 'speech'], { home })).stdout).toBe('off\n');
    expect((await parleyIn(['config', 'set', 'speech', 'auto'], { home })).stdout).toBe('speech = auto\n');
    const engine = fakeEngine('espeak-ng', 0);
    const s = session(home, ['--new', '1'], engine.path);
    await engine.until((e) => e.calls().length === 1);
    expect(engine.calls()[0]!.args).toEqual(['-v', 'cmn', TEA_HOUSE[0]!.zh]);
    s.type('q');
    expect((await s.done).code).toBe(0);

    const wrong = await parleyIn(['config', 'set', 'speech', 'loud'], { home });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe('parley: speech cannot be "loud" — give auto or off\n');
    expect((await parleyIn(['config', 'get', 'speech'], { home })).stdout).toBe('auto\n');
  });

  it('without v or --speak, a session runs no engine at all', async () => {
    const home = await deckHome();
    const engine = fakeEngine('espeak-ng', 0);
    const s = session(home, ['--new', '2'], engine.path);
    await s.until(TEA_HOUSE[0]!.zh);
    s.type(' 3');
    await s.until(TEA_HOUSE[1]!.zh);
    s.type('q');
    expect((await s.done).code).toBe(0);
    expect(engine.calls()).toEqual([]);
  });
});

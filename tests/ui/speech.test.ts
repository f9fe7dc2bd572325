// The speech engines, each found on a PATH the test makes: fakes that record their arguments, and
// the real espeak-ng when the machine has it (`apt-get install espeak-ng`).
// The engines are child processes (node:child_process, through the speaker): `npm test` runs this, not test:fast.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createSpeaker, findEngine, findOnPath, installHint, spokenText, voiceFor } from '../../src/ui/speech.js';
import { emptyPath, fakeEngine } from '../helpers/fake-speech.js';

const ZH = '菜市场里的豆腐还冒着热气。';
const EN = 'The tofu at the market was still steaming.';

function script(dir: string, name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('the text an engine gets', () => {
  test('control characters become spaces, and a leading dash cannot read as an option', () => {
    expect(spokenText('第一行\n第二行\x00')).toBe('第一行 第二行');
    expect(spokenText('-ish, as in greenish')).toBe(' -ish, as in greenish');
    expect(spokenText('  \t ')).toBe('');
  });

  test('a runaway note is cut to 2,000 characters, never half a character', () => {
    const spoken = spokenText('𠀋'.repeat(3000));
    expect(Array.from(spoken)).toHaveLength(2000);
    expect(spoken.endsWith('𠀋')).toBe(true);
  });
});

describe('finding the engine', () => {
  test('Linux: espeak-ng first, with Mandarin for Chinese and English for English', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'parley-bin-'));
    const espeak = script(bin, 'espeak-ng', 'exit 0');
    script(bin, 'spd-say', 'exit 0');
    const engine = findEngine({ env: { PATH: `${emptyPath()}:${bin}` }, platform: 'linux' });
    expect(engine?.name).toBe('espeak-ng');
    expect(await engine!.invocation({ text: ZH, lang: 'zh' })).toEqual({ file: espeak, args: ['-v', 'cmn', ZH] });
    expect(await engine!.invocation({ text: EN, lang: 'en' })).toEqual({ file: espeak, args: ['-v', 'en', EN] });
  });

  test('Linux without espeak-ng: spd-say, waiting while it speaks', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'parley-bin-'));
    const spd = script(bin, 'spd-say', 'exit 0');
    const engine = findEngine({ env: { PATH: bin }, platform: 'linux' });
    expect(await engine!.invocation({ text: ZH, lang: 'zh' })).toEqual({ file: spd, args: ['-w', '-l', 'zh', ZH] });
  });

  test('a file that is not executable, or a folder, is no engine', () => {
    const bin = mkdtempSync(join(tmpdir(), 'parley-bin-'));
    writeFileSync(join(bin, 'espeak-ng'), 'not a program');
    mkdirSync(join(bin, 'spd-say'));
    expect(findEngine({ env: { PATH: bin }, platform: 'linux' })).toBeNull();
    expect(findEngine({ env: {}, platform: 'linux' })).toBeNull();
  });

  test('macOS: say, with a Chinese voice from `say -v ?` when it lists one', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'parley-bin-'));
    const list = [
      'Albert              en_US    # Hello! My name is Albert.',
      'Eddy (Chinese (Taiwan)) zh_TW    # 你好！我叫Eddy。',
      'Meijia              zh_TW    # 你好，我叫美佳。',
      'Tingting            zh_CN    # 你好！我叫婷婷。',
    ].join('\n');
    const say = script(bin, 'say', `[ "$1" = -v ] && [ "$2" = '?' ] && cat <<'LIST'\n${list}\nLIST`);
    const engine = findEngine({ env: { PATH: `${bin}:${process.env.PATH}` }, platform: 'darwin' });
    expect(await engine!.invocation({ text: ZH, lang: 'zh' })).toEqual({ file: say, args: ['-v', 'Tingting', ZH] });
    expect(await engine!.invocation({ text: EN, lang: 'en' })).toEqual({ file: say, args: ['-v', 'Albert', EN] });
  });

  test('macOS voices: mainland Mandarin first, any Chinese voice next, none leaves the default', () => {
    expect(voiceFor('Eddy (Chinese (Taiwan)) zh_TW    # 你好\nSinji  zh_HK  # 你好', 'zh')).toBe('Eddy (Chinese (Taiwan))');
    expect(voiceFor('Albert  en_US  # Hello\nDaniel  en_GB  # Hello', 'zh')).toBeUndefined();
    expect(voiceFor('', 'en')).toBeUndefined();
  });

  test('Windows: PowerShell by PATHEXT, the text in its environment and never in its script', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'parley-bin-'));
    writeFileSync(join(bin, 'powershell.EXE'), '');
    const engine = findEngine({ env: { Path: bin, PATHEXT: '.COM;.EXE' }, platform: 'win32' });
    const hostile = "'); Remove-Item -Recurse C:\\ ; ('";
    const invocation = await engine!.invocation({ text: hostile, lang: 'zh' });
    expect(invocation.file).toBe(join(bin, 'powershell.EXE'));
    expect(invocation.args.join(' ')).not.toContain('Remove-Item');
    expect(invocation.env).toEqual({ PARLEY_SPEECH_TEXT: hostile, PARLEY_SPEECH_CULTURE: 'zh-*' });
    expect(findOnPath('pwsh', { env: { Path: bin }, platform: 'win32' })).toBeUndefined();
  });

  test('the hint names what to install on each system, in one line of an 80-column screen', () => {
    expect(installHint('linux')).toMatch(/apt install espeak-ng/);
    expect(installHint('darwin')).toMatch(/say/);
    expect(installHint('win32')).toMatch(/PowerShell/);
    for (const platform of ['linux', 'darwin', 'win32'] as const) expect(installHint(platform).length).toBeLessThanOrEqual(80);
  });
});

describe('the speaker', () => {
  test('says the parts one after another, each as its own run', async () => {
    const engine = fakeEngine('espeak-ng', 0);
    const speaker = createSpeaker({ env: { PATH: engine.path }, platform: 'linux' });
    expect(speaker.say([{ text: ZH, lang: 'zh' }, { text: EN, lang: 'en' }])).toBe(true);
    await engine.until((e) => e.calls().length === 2);
    expect(engine.calls().map((c) => c.args)).toEqual([['-v', 'cmn', ZH], ['-v', 'en', EN]]);
    speaker.stop();
  });

  test('a new utterance, or stop, silences the one being said, and what was queued after it', async () => {
    const engine = fakeEngine();
    const speaker = createSpeaker({ env: { PATH: engine.path }, platform: 'linux' });
    speaker.say([{ text: ZH, lang: 'zh' }, { text: EN, lang: 'en' }]);
    await engine.until((e) => e.calls().length === 1);
    speaker.say([{ text: '第二张卡片。', lang: 'zh' }]);
    await engine.until((e) => e.calls().length === 2 && e.killed().length === 1);
    const [first, second] = engine.calls();
    expect(engine.killed()).toEqual([first!.pid]);
    expect(second!.args).toEqual(['-v', 'cmn', '第二张卡片。']);
    speaker.stop();
    await engine.until((e) => e.killed().length === 2);
    expect(engine.killed()[1]).toBe(second!.pid);
    // The English queued behind the first card was never said.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(engine.calls()).toHaveLength(2);
  });

  test('a stop before the engine started means it never starts: say returns at once', async () => {
    const engine = fakeEngine();
    const speaker = createSpeaker({ env: { PATH: engine.path }, platform: 'linux' });
    speaker.say([{ text: ZH, lang: 'zh' }]);
    speaker.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(engine.calls()).toEqual([]);
  });

  test('no engine: say is false and starts nothing', () => {
    const speaker = createSpeaker({ env: { PATH: emptyPath() }, platform: 'linux' });
    expect(speaker.say([{ text: ZH, lang: 'zh' }])).toBe(false);
    speaker.stop();
  });

  test('the real espeak-ng speaks a card in Mandarin', async (ctx) => {
    const real = findOnPath('espeak-ng', { env: process.env, platform: process.platform });
    if (!real || process.platform === 'win32') return ctx.skip('espeak-ng is not on PATH (apt-get install espeak-ng)');
    // The machine may have no sound card: a stand-in on PATH has the real engine write its audio
    // to a file instead, with the very arguments the speaker gave it.
    const dir = mkdtempSync(join(tmpdir(), 'parley-espeak-'));
    const wav = join(dir, 'card.wav');
    script(dir, 'espeak-ng', `exec '${real}' -w '${wav}' "$@"`);
    const speaker = createSpeaker({ env: { PATH: `${dir}:${process.env.PATH}` }, platform: 'linux' });
    expect(speaker.say([{ text: ZH, lang: 'zh' }])).toBe(true);
    const end = Date.now() + 15_000;
    const done = () => existsSync(wav) && statSync(wav).size > 44 && readFileSync(wav).readUInt32LE(40) > 0;
    while (!done() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
    const audio = readFileSync(wav);
    expect(audio.toString('latin1', 0, 4)).toBe('RIFF');
    expect(audio.toString('latin1', 8, 12)).toBe('WAVE');
    const rate = audio.readUInt32LE(24);
    const samples = audio.subarray(44);
    const seconds = samples.length / 2 / rate;
    // Thirteen syllables of Mandarin: more than a second of sound, and not silence.
    expect(seconds).toBeGreaterThan(1);
    let peak = 0;
    for (let i = 0; i + 1 < samples.length; i += 2) peak = Math.max(peak, Math.abs(samples.readInt16LE(i)));
    expect(peak).toBeGreaterThan(1000);
  });
});

import type { ChildProcess } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Utterance } from '../core/srs/session.js';
import { CONTROL_CHARS } from '../core/text/controls.js';

/** One program run: the text is one of its arguments (or, for PowerShell, its environment), never read by a shell. */
export interface Invocation {
  file: string;
  args: string[];
  env?: Record<string, string>;
}

/** A text-to-speech program found on PATH, and how it is asked to say one utterance. */
export interface Engine {
  name: string;
  invocation(utterance: Utterance): Promise<Invocation>;
}

export interface SpeechHost {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
}

/**
 * A card is a sentence; the cap keeps a pathological note far below the system's limit on one
 * argument (128 KiB on Linux, 32 KiB for a whole Windows command line).
 */
const MAX_SPOKEN = 2000;
const CONTROLS = new RegExp(`[${CONTROL_CHARS}\\t\\n]+`, 'g');

/**
 * The text as an engine should get it: control characters and line breaks (a spawn refuses NUL) become
 * spaces, and a leading `-` gets a space before it, so no engine's option parser (getopt, or
 * `say`'s own) takes the sentence for an option; the space is not heard.
 */
export function spokenText(text: string): string {
  const clean = Array.from(text.replace(CONTROLS, ' ').trim()).slice(0, MAX_SPOKEN).join('');
  return clean.startsWith('-') ? ` ${clean}` : clean;
}

/** The executable `name` in one of PATH's folders, as the system would run it; undefined when there is none. */
export function findOnPath(name: string, host: SpeechHost): string | undefined {
  const windows = host.platform === 'win32';
  // Windows keeps PATH as Path, and runs a name with any of PATHEXT's endings.
  const path = (windows ? (host.env.Path ?? host.env.PATH) : host.env.PATH) ?? '';
  const endings = windows ? ['', ...(host.env.PATHEXT ?? '.EXE').split(';').filter(Boolean)] : [''];
  for (const dir of path.split(windows ? ';' : ':')) {
    if (dir === '') continue;
    for (const ending of endings) {
      const file = join(dir, name + ending);
      try {
        if (!statSync(file).isFile()) continue;
        if (!windows) accessSync(file, constants.X_OK);
        return file;
      } catch {
        // Not there, or not runnable: the next folder may have it.
      }
    }
  }
  return undefined;
}

const resolved = (invocation: Invocation) => Promise.resolve(invocation);

function espeakNg(file: string): Engine {
  return {
    name: 'espeak-ng',
    invocation: ({ text, lang }) => resolved({ file, args: ['-v', lang === 'zh' ? 'cmn' : 'en', spokenText(text)] }),
  };
}

/** speech-dispatcher's client; `-w` keeps it running while it speaks, so stopping it and the order of parts work. */
function spdSay(file: string): Engine {
  return {
    name: 'spd-say',
    invocation: ({ text, lang }) => resolved({ file, args: ['-w', '-l', lang, spokenText(text)] }),
  };
}

/**
 * `say -v ?` lists one voice a line: its name (which may hold spaces and brackets), its locale,
 * then `#` and a sample sentence.
 */
export function voiceFor(list: string, lang: Utterance['lang']): string | undefined {
  const voices = list.split('\n').flatMap((line) => {
    const match = /^(.+?)\s+([a-z]{2,3})[_-]([A-Za-z0-9]+)\s+#/.exec(line);
    return match ? [{ name: match[1]!.trim(), lang: match[2]!, region: match[3]! }] : [];
  });
  // Mainland Mandarin first, then any Chinese voice; American English first, then any English one.
  const preferred = lang === 'zh' ? 'CN' : 'US';
  const mine = voices.filter((v) => v.lang === lang);
  return (mine.find((v) => v.region === preferred) ?? mine[0])?.name;
}

/**
 * macOS `say`: its default voice is the user's system voice, which may not speak the card's
 * language, so a voice of that language is chosen from `say -v ?` (asked once, in the background).
 */
function say(file: string, host: SpeechHost): Engine {
  let voices: Promise<string> | undefined;
  const list = () =>
    (voices ??= new Promise((resolve) => {
      builtins().execFile(file, ['-v', '?'], { env: host.env, timeout: 5000 }, (error, stdout) => resolve(error ? '' : stdout));
    }));
  return {
    name: 'say',
    async invocation({ text, lang }) {
      const voice = voiceFor(await list(), lang);
      return { file, args: [...(voice ? ['-v', voice] : []), spokenText(text)] };
    },
  };
}

/**
 * PowerShell's System.Speech, with a voice of the card's language when one is installed. After
 * `-Command` PowerShell reads every argument as code, so the text reaches the fixed script in an
 * environment variable instead: nothing of it is ever parsed.
 */
const POWERSHELL_SCRIPT = [
  'Add-Type -AssemblyName System.Speech',
  '$s = New-Object System.Speech.Synthesis.SpeechSynthesizer',
  '$v = $s.GetInstalledVoices() | Where-Object { $_.Enabled -and $_.VoiceInfo.Culture.Name -like $env:PARLEY_SPEECH_CULTURE } | Select-Object -First 1',
  'if ($v) { $s.SelectVoice($v.VoiceInfo.Name) }',
  '$s.Speak($env:PARLEY_SPEECH_TEXT)',
].join('; ');

function powerShell(file: string): Engine {
  return {
    name: 'PowerShell',
    invocation: ({ text, lang }) =>
      resolved({
        file,
        args: ['-NoProfile', '-NonInteractive', '-Command', POWERSHELL_SCRIPT],
        env: { PARLEY_SPEECH_TEXT: spokenText(text), PARLEY_SPEECH_CULTURE: lang === 'zh' ? 'zh-*' : 'en-*' },
      }),
  };
}

/** The platform's engine, the first found on PATH; null when there is none. */
export function findEngine(host: SpeechHost): Engine | null {
  const candidates: Array<[string, (file: string) => Engine]> =
    host.platform === 'darwin'
      ? [['say', (file) => say(file, host)]]
      : host.platform === 'win32'
        ? [['powershell', powerShell], ['pwsh', powerShell]]
        : [['espeak-ng', espeakNg], ['spd-say', spdSay]];
  for (const [name, make] of candidates) {
    const file = findOnPath(name, host);
    if (file) return make(file);
  }
  return null;
}

/** What to install where no engine was found: one line for the review screen, within 80 columns. */
export function installHint(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'no speech engine found — `say` comes with macOS: put /usr/bin on PATH';
  if (platform === 'win32') return 'no speech engine found — install PowerShell to hear cards';
  return 'no speech engine found — install espeak-ng (`apt install espeak-ng`)';
}

/**
 * How long an utterance waits before its program starts. Starting one forks parley, which for a
 * few milliseconds takes the CPU the terminal needs to paint the frame just drawn; by now the
 * frame is on screen, and a card skipped within this time (grades in quick succession) starts nothing.
 */
export const SPEECH_DELAY_MS = 50;

/** child_process costs start-up time that only a session that speaks should pay. */
const builtins = () => process.getBuiltinModule('node:child_process');

export interface Speaker {
  /**
   * Stops what is being said, then says `parts` one after another in the background (each once
   * the last finished); false, saying nothing, when no engine is found.
   */
  say(parts: readonly Utterance[]): boolean;
  stop(): void;
}

/**
 * The session's voice. The engine is looked for on the first utterance, and each program starts
 * a moment later (SPEECH_DELAY_MS), after the frame is drawn, detached and with no standard
 * streams, so speaking never holds up a key or writes over the screen.
 */
export function createSpeaker(host: SpeechHost): Speaker {
  let engine: Engine | null | undefined;
  let current: ChildProcess | undefined;
  // Bumped by every stop: an utterance whose turn is over starts nothing more.
  let turn = 0;
  let pending: NodeJS.Timeout | undefined;
  const windows = host.platform === 'win32';

  const stop = () => {
    turn += 1;
    clearTimeout(pending);
    const child = current;
    current = undefined;
    if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const pid = child.pid;
    // After the frame is drawn: the engine's processes ending take CPU the terminal needs to paint it.
    setImmediate(() => {
      try {
        // The whole process group: an engine that is a script or starts helpers goes quiet too.
        if (windows) child.kill();
        else process.kill(-pid, 'SIGTERM');
      } catch {
        // It ended meanwhile.
      }
    });
  };

  const run = (found: Engine, parts: readonly Utterance[], mine: number) => {
    const next = async (index: number): Promise<void> => {
      const part = parts[index];
      if (!part || mine !== turn) return;
      if (spokenText(part.text) === '') return next(index + 1);
      const invocation = await found.invocation(part);
      if (mine !== turn) return;
      let child: ChildProcess;
      try {
        child = builtins().spawn(invocation.file, invocation.args, {
          detached: !windows,
          stdio: 'ignore',
          windowsHide: true,
          env: { ...host.env, ...invocation.env },
        });
      } catch {
        return;
      }
      current = child;
      child.unref();
      // An engine that fails (no sound device, a voice missing) is silence, not an error on screen.
      child.on('error', () => {});
      child.on('exit', (code) => {
        if (current !== child) return;
        current = undefined;
        if (code === 0) void next(index + 1);
      });
    };
    pending = setTimeout(() => void next(0), SPEECH_DELAY_MS);
  };

  return {
    say(parts) {
      stop();
      engine ??= findEngine(host);
      if (!engine) return false;
      run(engine, parts, turn);
      return true;
    },
    stop,
  };
}

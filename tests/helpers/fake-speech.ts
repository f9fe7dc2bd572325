import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SEPARATOR = '\x1f';

/** One run of the fake engine: its process id and its arguments. */
export interface EngineCall {
  pid: string;
  args: string[];
}

export interface FakeEngine {
  /** A PATH on which the fake is found first (the system's folders after it, for `sh` and `sleep`). */
  path: string;
  calls(): EngineCall[];
  /** Process ids of the runs that were stopped (SIGTERM) before they finished. */
  killed(): string[];
  /** Resolves once `check` holds of the log, polling it. */
  until(check: (engine: FakeEngine) => boolean, timeoutMs?: number): Promise<void>;
}

/**
 * A speech engine named `name` (espeak-ng by default) that records its arguments and then
 * "speaks" for `seconds` (FAKE_SPEECH_SECONDS in its environment overrides): a stop shows in the
 * log as `killed PID`.
 */
export function fakeEngine(name = 'espeak-ng', seconds = 30): FakeEngine {
  const dir = mkdtempSync(join(tmpdir(), 'parley-speech-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const log = join(dir, 'calls.log');
  writeFileSync(
    join(bin, name),
    `#!/bin/sh
line="$$"
for a in "$@"; do line="$line$(printf '\\037')$a"; done
printf '%s\\n' "$line" >> '${log}'
trap 'printf "killed %s\\n" "$$" >> "${log}"; exit 143' TERM
sleep "\${FAKE_SPEECH_SECONDS:-${seconds}}" &
wait
`,
  );
  chmodSync(join(bin, name), 0o755);
  const lines = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []);
  const engine: FakeEngine = {
    path: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    calls: () => lines().filter((l) => !l.startsWith('killed ')).map((l) => {
      const [pid, ...args] = l.split(SEPARATOR);
      return { pid: pid!, args };
    }),
    killed: () => lines().filter((l) => l.startsWith('killed ')).map((l) => l.slice('killed '.length)),
    async until(check, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      while (!check(engine)) {
        if (Date.now() > end) throw new Error(`the fake engine's log never got there:\n${lines().join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
  return engine;
}

/** A PATH with no speech engine on it. */
export function emptyPath(): string {
  return mkdtempSync(join(tmpdir(), 'parley-nothing-'));
}

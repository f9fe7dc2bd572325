import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { UserError } from '../core/errors.js';

/** A local git command that takes this long is stuck (a lock prompt, a hook): it is stopped. */
const LOCAL_TIMEOUT_MS = 120_000;

/**
 * git refused because another git holds a lock it needs: one a killed sync left running (its
 * fetch finishing on its own), or the user's. Such a git is done in moments, so the command is
 * run again a few times before its refusal stands.
 */
const LOCKED = /cannot lock ref|Unable to create '[^']*\.lock': File exists/;
const LOCK_RETRIES = 10;
const LOCK_PAUSE_MS = 200;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** What a git command gave back; `status` is -1 when it could not run or was stopped. */
export interface GitResult {
  status: number;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
}

/**
 * The variables that would point git at another repository, work tree or index than the home's
 * (set by a git hook, or an editor's terminal inside another repository).
 */
const ELSEWHERE = [
  'GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR', 'GIT_NAMESPACE', 'GIT_CEILING_DIRECTORIES', 'GIT_PREFIX',
];

/**
 * The git executable on the PATH parley was given (the host's, so a test can take git away).
 * Only absolute PATH entries count: a relative one would run whatever `git` the home holds.
 */
export function findGit(env: NodeJS.ProcessEnv, platform = process.platform): string {
  const path = env.PATH ?? env.Path ?? '';
  const names = platform === 'win32' ? ['git.exe', 'git.cmd'] : ['git'];
  for (const dir of path.split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    for (const name of names) {
      const file = join(dir, name);
      try {
        if (!statSync(file).isFile()) continue;
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // Not there, or not runnable: the next entry.
      }
    }
  }
  throw new UserError('git is not installed or not on PATH', 'install git, or sync the home folder with a folder-sync tool (README "Two machines")');
}

/** git's reason for a failure, as one line: its first `fatal:`/`error:` line, else its last line. */
export function gitReason(stderr: string): string {
  const lines = stderr.split(/\r?\n|\r/).map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines.at(-1) ?? 'no reason given';
  const text = line.replace(/^(fatal|error|warning):\s*/, '').replace(/\s+/g, ' ');
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

export interface RunOptions {
  input?: string | Buffer;
  /** Another index file than the repository's (`sync --status` stages into one of its own). */
  index?: string;
  /** Another directory than the home, with its own `.git` (a repository being made). */
  at?: string;
}

/**
 * git in a parley home: always that home's repository (never one around it), no prompt for a
 * password (a sync is stopped, never hung), messages in English so parley can read them, and an
 * identity of parley's own on commits when the user has none configured.
 */
export class Git {
  readonly root: string;
  readonly #exe: string;
  readonly #env: NodeJS.ProcessEnv;
  #identity: string[] | undefined;

  constructor(exe: string, root: string, hostEnv: NodeJS.ProcessEnv) {
    this.#exe = exe;
    this.root = root;
    const env: NodeJS.ProcessEnv = { ...hostEnv };
    for (const name of ELSEWHERE) delete env[name];
    Object.assign(env, {
      GIT_DIR: join(root, '.git'),
      GIT_WORK_TREE: root,
      GIT_TERMINAL_PROMPT: '0',
      GIT_LITERAL_PATHSPECS: '1',
      LC_ALL: 'C',
      LANGUAGE: 'C',
    });
    this.#env = env;
  }

  /**
   * Commits made by parley name this device when the user has no git identity of their own;
   * `configured` is asked once, before the first commit.
   */
  identify(configured: () => { name?: string; email?: string }, device: string): void {
    if (this.#identity) return;
    this.#identity = [];
    const { name, email } = configured();
    this.#identity = [
      ...(name ? [] : ['-c', 'user.name=parley']),
      ...(email ? [] : ['-c', `user.email=${device}@parley`]),
    ];
  }

  #argv(args: readonly string[]): string[] {
    // Files are written as parley wrote them: no line-ending conversion on any platform.
    return ['-c', 'core.autocrlf=false', '-c', 'core.safecrlf=false', ...(this.#identity ?? []), ...args];
  }

  #envFor(options: RunOptions): NodeJS.ProcessEnv {
    if (!options.index && !options.at) return this.#env;
    const env = { ...this.#env };
    if (options.index) env.GIT_INDEX_FILE = options.index;
    if (options.at) Object.assign(env, { GIT_DIR: join(options.at, '.git'), GIT_WORK_TREE: options.at });
    return env;
  }

  /** Runs a local command; a failure is the caller's to read. */
  try(args: readonly string[], options: RunOptions = {}): GitResult {
    for (let retry = 0; ; retry++) {
      const result = this.#once(args, options);
      if (result.status === 0 || retry === LOCK_RETRIES || !LOCKED.test(result.stderr)) return result;
      Atomics.wait(sleeper, 0, 0, LOCK_PAUSE_MS);
    }
  }

  #once(args: readonly string[], options: RunOptions): GitResult {
    const result = spawnSync(this.#exe, this.#argv(args), {
      cwd: options.at ?? this.root,
      env: this.#envFor(options),
      input: options.input ?? '',
      maxBuffer: 2 ** 30,
      timeout: LOCAL_TIMEOUT_MS,
      killSignal: 'SIGKILL',
      windowsHide: true,
    });
    const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
    const stderr = result.stderr?.toString('utf8') ?? '';
    return { status: result.status ?? -1, stdout: result.stdout ?? Buffer.alloc(0), stderr: result.error && !timedOut ? result.error.message : stderr, timedOut };
  }

  /** Runs a local command and gives its output as text; a failure is one line naming the command and git's reason. */
  run(args: readonly string[], options: RunOptions = {}): string {
    return this.bytes(args, options).toString('utf8');
  }

  bytes(args: readonly string[], options: RunOptions = {}): Buffer {
    const result = this.try(args, options);
    if (result.status !== 0) throw this.failed(args, result);
    return result.stdout;
  }

  failed(args: readonly string[], result: GitResult): UserError {
    const why = result.timedOut ? `no answer within ${LOCAL_TIMEOUT_MS / 1000} s` : gitReason(result.stderr);
    return new UserError(
      `git ${args[0]} failed in ${this.root}: ${why}`,
      `run \`git -C ${this.root} status\` to see what is wrong, then \`parley sync\` again`,
    );
  }

  /**
   * Runs a command that talks to the remote, stopped (killed) after `timeoutMs`. What git writes
   * on standard error goes to `progress` as it comes, when there is a terminal to show it on.
   */
  async network(args: readonly string[], timeoutMs: number, progress?: (text: string) => void): Promise<GitResult> {
    for (let retry = 0; ; retry++) {
      const result = await this.#talk(args, timeoutMs, progress);
      if (result.status === 0 || retry === LOCK_RETRIES || !LOCKED.test(result.stderr)) return result;
      await new Promise((resolve) => setTimeout(resolve, LOCK_PAUSE_MS));
    }
  }

  #talk(args: readonly string[], timeoutMs: number, progress?: (text: string) => void): Promise<GitResult> {
    return new Promise((resolve) => {
      const child = spawn(this.#exe, this.#argv(args), { cwd: this.root, env: this.#env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
      const out: Buffer[] = [];
      let err = '';
      let timedOut = false;
      let done = false;
      let grace: NodeJS.Timeout | undefined;
      const finish = (status: number, failure?: Error) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        clearTimeout(grace);
        resolve({ status, stdout: Buffer.concat(out), stderr: failure ? failure.message : err, timedOut });
      };
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        err += text;
        progress?.(text);
      });
      child.on('error', (error) => finish(-1, error));
      child.on('close', (code) => finish(timedOut ? -1 : (code ?? -1)));
      // A helper git started (ssh) may outlive git and hold its output open: git's exit is the end.
      child.on('exit', (code) => {
        if (done) return;
        grace = setTimeout(() => {
          child.stdout.destroy();
          child.stderr.destroy();
          finish(timedOut ? -1 : (code ?? -1));
        }, timedOut ? 0 : 1000);
      });
    });
  }
}

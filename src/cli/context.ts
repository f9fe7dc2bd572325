import { UserError } from '../core/errors.js';
import { checkHome, layout, renamePending, resolveHome, type HomeLayout } from '../store/home.js';
import type { Store } from '../store/store.js';
import type { IO } from '../ui/io.js';
import type { KeyReader } from '../ui/keys.js';
import type { Prompter } from '../ui/prompter.js';

export interface GlobalOptions {
  home?: string;
  color: boolean;
}

/**
 * What parley runs in: the process (cli/main.ts), or for a test a captured IO, scripted answers
 * and keys, so a command runs in-process exactly as it would in a terminal.
 */
export interface Host {
  env: NodeJS.ProcessEnv;
  /** The folder the build writes (the dictionary and pinyin index); the sample decks are in ../decks/. */
  dist: URL;
  /** The standard streams; `color` is false for --no-color. */
  io(color: boolean): IO;
  prompter(io: IO): Prompter;
  keys(io: IO): KeyReader;
}

/** What every command gets: streams, questions, keys, the clock, and the store, built only when first asked for. */
export interface Context {
  io: IO;
  env: NodeJS.ProcessEnv;
  /** See Host. */
  dist: URL;
  prompter: Prompter;
  /** Reads the terminal's keys one at a time, from now until closed (the review screen). */
  keys(): KeyReader;
  paths: HomeLayout;
  now(): Date;
  /** Whether the home directory exists; commands that only read can stop early when it does not. */
  homeExists(): boolean;
  /** Opens the store, creating the home if needed. */
  store(): Promise<Store>;
  /** What the store has to tell the user (a torn journal line dropped, a cache ignored), once. */
  takeWarnings(): string[];
  /** After a command that succeeded: brings the derived state file up to date, when worth it. */
  close(): Promise<void>;
}

export function parseNow(value: string | undefined): () => Date {
  if (value === undefined || value === '') return () => new Date();
  const fixed = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(fixed.getTime())) {
    throw new UserError(`PARLEY_NOW="${value}" is not an ISO-8601 instant`, 'unset it or give one like 2026-03-01T09:00:00Z');
  }
  return () => new Date(fixed);
}

/**
 * Before a command looks at the home, a deck rename a kill cut short is finished: a stat when
 * there is none, and the code that finishes it is loaded only when there is one.
 */
export async function finishPendingWork(paths: HomeLayout): Promise<void> {
  if (!renamePending(paths)) return;
  const { finishInterruptedRename } = await import('../store/rename.js');
  finishInterruptedRename(paths);
}

export function createContext(options: GlobalOptions, host: Host): Context {
  const { env } = host;
  const paths = layout(resolveHome(options.home, env));
  const now = parseNow(env.PARLEY_NOW);
  const io = host.io(options.color);
  let store: Store | undefined;
  return {
    io,
    env,
    dist: host.dist,
    prompter: host.prompter(io),
    keys: () => host.keys(io),
    paths,
    now,
    homeExists: () => checkHome(paths.root, false),
    async store() {
      if (!store) {
        checkHome(paths.root, true);
        const { Store } = await import('../store/store.js');
        store = new Store(paths.root);
      }
      return store;
    },
    takeWarnings: () => store?.takeWarnings() ?? [],
    async close() {
      await store?.save();
    },
  };
}

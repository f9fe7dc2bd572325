import type { Context } from '../cli/context.js';
import { UserError } from '../core/errors.js';
import { findGit, Git } from '../store/git.js';
import { syncHome, syncStatus, type SyncTalk } from '../store/sync-run.js';
import { isRepository, noRemote } from '../store/sync-repo.js';
import { remoteAddress } from '../store/sync-remote.js';

export interface SyncOptions {
  status?: boolean;
}

/** How long fetch and push may take before parley stops them: PARLEY_SYNC_TIMEOUT seconds, else a minute. */
function timeoutMs(env: NodeJS.ProcessEnv): number {
  const seconds = Number(env.PARLEY_SYNC_TIMEOUT);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 60_000;
}

export async function run(options: SyncOptions, args: string[], ctx: Context): Promise<void> {
  // Everything is checked before the home is touched: a refused sync leaves it as it was.
  const git = findGit(ctx.env);
  const wanted = args[0] === undefined ? undefined : remoteAddress(args[0], process.cwd());
  const root = ctx.paths.root;
  if (!isRepository(root)) {
    if (options.status) throw new UserError(`${root} has never been synced`, 'run `parley sync REMOTE` to start');
    if (wanted === undefined) throw noRemote();
  }
  const talk: SyncTalk = {
    say: (line) => ctx.io.out(line),
    warn: (what, todo) => ctx.io.err(`parley: ${what} — ${todo}`),
    progress: ctx.io.interactive ? (text) => ctx.io.stderr.write(text) : undefined,
    timeoutMs: timeoutMs(ctx.env),
  };
  const store = await ctx.store();
  await (options.status ? syncStatus : syncHome)(store, new Git(git, root, ctx.env), wanted, talk);
}

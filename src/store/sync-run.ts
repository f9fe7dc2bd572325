import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import type { MergeOutcome } from '../core/sync/merge.js';
import { conflictLine, NOTHING, settingsLine, statusSummary, syncSummary } from '../core/sync/summary.js';
import type { Git } from './git.js';
import type { Store } from './store.js';
import { holdingSync } from './sync-lock.js';
import { markSynced, nothingNew } from './sync-mark.js';
import { mergeFetched, movement } from './sync-merge.js';
import { fetchRemote, pushBranch, refused, shownRemote, type RemoteTalk } from './sync-remote.js';
import {
  commitLocal, currentBranch, ensureIgnore, gitIdentity, headCommit, isRepository, makeRepository, mergeBase, noRemote, rememberedRemote,
  readIgnore, readRefs, rememberRemote, stage, unmakeRepository, type Refs,
} from './sync-repo.js';

/** How a sync talks to the user. */
export interface SyncTalk {
  /** A line of the command's output. */
  say(line: string): void;
  /** Something the user should look at, as one line: what, and what to do. */
  warn(what: string, todo: string): void;
  /** git's own progress, when there is a terminal to show it on. */
  progress?: (text: string) => void;
  timeoutMs: number;
}

/** Another machine pushing between this one's fetch and push makes one more round; past this, the user tries later. */
const ROUNDS = 3;

/**
 * The branch to sync. A home that has no branch on the remote yet, where the remote has exactly
 * one, takes that one's name (a remote made by hand with another default branch than parley's).
 */
function branchOf(git: Git, refs: Refs, branch: string): { branch: string; refs: Refs } {
  if (refs.theirs !== undefined || refs.remote.size !== 1) return { branch, refs };
  const [name] = [...refs.remote.keys()];
  git.run(['branch', '-m', name!]);
  return { branch: name!, refs: readRefs(git, name!) };
}

function report(outcome: MergeOutcome, talk: SyncTalk): void {
  const conflict = conflictLine(outcome);
  if (conflict) talk.warn(...conflict);
  const settings = settingsLine(outcome);
  if (settings) talk.say(settings);
}

/**
 * `parley sync [REMOTE]`: commits this machine's journal, decks and settings (under the home lock),
 * fetches (without it: the network may be slow), merges what came (under the lock again, files
 * written atomically, one merge commit), brings the card state up to date, and pushes, fetching
 * and merging again when another machine pushed meanwhile. `wanted` is the remote the user gave.
 */
export async function syncHome(store: Store, git: Git, wanted: string | undefined, talk: SyncTalk): Promise<void> {
  const root = store.paths.root;
  // A home of a release before devices moves its journal to this device's before anything is committed.
  if (existsSync(store.paths.legacyJournal)) store.read();
  const device = store.device;
  await holdingSync(store, async () => {
    const made = !isRepository(root);
    const ignore = readIgnore(root);
    if (made) makeRepository(git, root);
    ensureIgnore(root);
    const known = rememberedRemote(git);
    const url = wanted ?? known;
    if (url === undefined) throw noRemote();
    let branch = currentBranch(git);
    if (!made && url === known && nothingNew(git, url, branch)) {
      talk.say(syncSummary(shownRemote(url), NOTHING, NOTHING));
      return;
    }
    const remote: RemoteTalk = { url, timeoutMs: talk.timeoutMs, progress: talk.progress };
    let start: string | undefined;
    let head: string | undefined;
    let theirs: string | undefined;
    /** The remote branch as fetched before a push it refused. */
    let raced: string | undefined;
    for (let round = 1; ; round++) {
      // The fetch runs while this machine's changes are committed: one touches only the remote's
      // refs, the other only the branch and the index, and a sync with nothing new costs the longer of the two.
      const fetching = fetchRemote(git, remote);
      try {
        store.locked(() => commitLocal(git, device));
      } catch (error) {
        await fetching.catch(() => undefined);
        throw error;
      }
      try {
        await fetching;
      } catch (error) {
        if (made && round === 1) unmakeRepository(root, ignore);
        throw error;
      }
      if (round === 1 && url !== known) {
        rememberRemote(git, known, url);
        if (known !== undefined) talk.say(`now syncing with ${shownRemote(url)} (was ${shownRemote(known)})`);
      }
      let refs = readRefs(git, branch);
      ({ branch, refs } = branchOf(git, refs, branch));
      if (round === 1) start = refs.ours;
      head = refs.ours;
      theirs = refs.theirs;
      if (theirs !== undefined && theirs !== head) {
        const fetched = theirs;
        const merged = store.locked(() => {
          // What this machine wrote since the first commit (a review session) goes into the merge too.
          const ours = commitLocal(git, device) ? headCommit(git) : head;
          git.identify(() => gitIdentity(git), device);
          return mergeFetched(git, ours, fetched);
        });
        head = merged.head;
        if (merged.outcome) {
          report(merged.outcome, talk);
          store.refresh();
          // May append a rename line: another machine renamed a deck this one has reviewed since.
          await store.save(true);
          if (store.locked(() => commitLocal(git, device))) head = headCommit(git);
        }
      }
      if (head !== undefined && head !== theirs) {
        const pushed = await pushBranch(git, branch, remote);
        if (pushed !== true) {
          // The same remote branch as before the refused push: no other machine's push explains it.
          if (round > 1 && theirs === raced) throw refused(remote, pushed);
          raced = theirs;
          if (round < ROUNDS) continue;
          throw new UserError(`${shownRemote(url)} kept changing while this sync ran (${ROUNDS} tries)`, 'run `parley sync` again; everything of this machine is committed locally');
        }
      }
      if (round > 1) talk.say(`another machine synced meanwhile: fetched and merged again (${round} rounds)`);
      break;
    }
    store.locked(() => markSynced(git, url, branch, readRefs(git, branch)));
    const received = head === undefined || start === head ? NOTHING : movement(git, start, head, device);
    const sent = head === undefined || theirs === head ? NOTHING : movement(git, theirs, head);
    talk.say(syncSummary(shownRemote(url), received, sent));
  });
}

/**
 * `parley sync --status`: fetches, then says what a sync would bring in and send out. This
 * machine's uncommitted changes are staged into an index of its own, so the working tree, the
 * index and the branch stay as they are.
 */
export async function syncStatus(store: Store, git: Git, wanted: string | undefined, talk: SyncTalk): Promise<void> {
  await holdingSync(store, async () => {
    const url = rememberedRemote(git);
    if (url === undefined) throw noRemote();
    if (wanted !== undefined && wanted !== url) {
      throw new UserError(`this home syncs with ${shownRemote(url)}, not ${shownRemote(wanted)}`, `run \`parley sync ${wanted}\` to sync with that one from now on`, 2);
    }
    await fetchRemote(git, { url, timeoutMs: talk.timeoutMs, progress: talk.progress });
    const { ours, theirs } = readRefs(git, currentBranch(git));
    const index = join(git.root, '.git', 'parley-status.index');
    try {
      git.run(ours === undefined ? ['read-tree', '--empty'] : ['read-tree', ours], { index });
      stage(git, index);
      const here = git.run(['write-tree'], { index }).trim();
      const base = ours !== undefined && theirs !== undefined ? mergeBase(git, ours, theirs) : undefined;
      const incoming = theirs === undefined || base === theirs ? NOTHING : movement(git, base, theirs);
      talk.say(statusSummary(shownRemote(url), incoming, movement(git, base, here)));
    } finally {
      rmSync(index, { force: true });
    }
  });
}

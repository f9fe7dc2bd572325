// Sync (issue 13): kill -9 `parley sync` while it runs, then check that the home still answers,
// that its repository and the bare remote are usable, that the next sync completes, and that no
// journal line either machine had is lost.
//
// Two scenarios, each from a template copied afresh for every kill: "merge" (home a has reviews of
// its own not yet synced and the remote has b's, so a sync commits, fetches, merges, saves the
// state and pushes) and "join" (a second machine's first sync into a missing home). A kill lands
// either at a random moment after spawn (of parley alone, or of parley and the git it runs), or at
// one of the sync's phases: parley runs git through a wrapper on PATH that SIGKILLs parley (its
// parent) right before or right after the chosen git command, the nth time it runs. A git whose
// parley was killed runs on, orphaned, as a git that outlives a killed parley does.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseEnv, CLI, pool, rng, sleep } from './util.mjs';

const NOW = '2026-11-29T10:00:00Z';
/** The user's git configuration is no part of the test: parley signs its commits as itself. */
const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

/**
 * Where each scenario's sync can die: after every git command that changes something (and before
 * the two that talk to the remote), in the order a sync runs them. `status:3` is the commit check
 * after the merged state was saved; `diff-tree:4` the summary, after the push.
 */
const PHASES = {
  merge: [
    'before:fetch:1', 'after:fetch:1', 'after:add:1', 'after:commit:1', 'after:cat-file:1', 'after:add:2', 'after:write-tree:1',
    'after:commit-tree:1', 'after:update-ref:1', 'after:status:3', 'before:push:1', 'after:push:1', 'after:diff-tree:4',
  ],
  // A new home: the repository is made (init), the remote fetched, the branch set to it.
  join: ['after:init:1', 'before:fetch:1', 'after:fetch:1', 'after:update-ref:1'],
};
/**
 * The quick run's points: one in each state a kill can leave, which the others repeat with
 * another git object or lock written. The rest wait for the full run.
 */
const QUICK = {
  merge: ['before:fetch:1', 'after:commit:1', 'after:add:2', 'after:commit-tree:1', 'after:update-ref:1', 'after:status:3', 'before:push:1', 'after:push:1'],
  join: ['after:init:1', 'after:fetch:1'],
};

/**
 * parley's git: the real one, with a kill of parley at the command PARLEY_KILL_AT names
 * (`when:command:nth`). Shell built-ins only, so the wrapper adds little to each git command: it
 * counts the commands of each kind, and marks each git as running and done, for the orphans of a
 * kill to be waited for.
 */
const WRAPPER = `#!/bin/sh
sub=; skip=
for arg in "$@"; do
  if [ -n "$skip" ]; then skip=; continue; fi
  case "$arg" in -c) skip=1 ;; -*) ;; *) sub=$arg; break ;; esac
done
: > "$PARLEY_KILL_DIR/running.$$"
when=\${PARLEY_KILL_AT%%:*}; rest=\${PARLEY_KILL_AT#*:}; what=\${rest%%:*}; nth=\${rest#*:}
mine=
if [ -n "$PARLEY_KILL_AT" ] && [ "$sub" = "$what" ]; then
  count=0
  [ -f "$PARLEY_KILL_DIR/count.$sub" ] && read count < "$PARLEY_KILL_DIR/count.$sub"
  count=$((count + 1))
  echo $count > "$PARLEY_KILL_DIR/count.$sub"
  [ $count -eq "$nth" ] && mine=1
fi
[ -n "$mine" ] && [ "$when" = before ] && echo "$PARLEY_KILL_AT" > "$PARLEY_KILL_DIR/killed" && kill -9 $PPID
"$PARLEY_REAL_GIT" "$@"; status=$?
[ -n "$mine" ] && [ "$when" = after ] && echo "$PARLEY_KILL_AT" > "$PARLEY_KILL_DIR/killed" && kill -9 $PPID
: > "$PARLEY_KILL_DIR/done.$$"
exit $status
`;

/**
 * A command, awaited: the runs go two at a time, and a run blocked in a synchronous spawn would
 * hold back the other's kill timer.
 */
function run(exe, args, env, onSpawn, detached = false) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(exe, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (error) => resolve({ status: -1, signal: null, stdout, stderr: error.message, ms: Date.now() - started }));
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr, ms: Date.now() - started }));
    onSpawn?.(child);
  });
}

const git = (args) => run('git', args, baseEnv(GIT_ENV));

const parleyAt = (home, args) => run(process.execPath, [CLI, ...args], baseEnv({ ...GIT_ENV, PARLEY_NOW: NOW, PARLEY_HOME: home }));

const syncOf = (home, remote) => parleyAt(home, remote ? ['sync', remote] : ['sync']);

/** Every journal line id of the home, all devices. */
function idsOf(helpers, home) {
  if (!existsSync(home)) return [];
  return helpers.allJournalLines(home).filter((l) => l.trim()).flatMap((line) => {
    try {
      return [JSON.parse(line).id];
    } catch {
      return [];
    }
  });
}

/** `grade` reports each commit on stdout, for the concurrency section's child processes; here it would be noise. */
function gradeQuietly(helpers, home, count, tag, seed) {
  const write = process.stdout.write;
  process.stdout.write = () => true;
  try {
    helpers.grade(home, ['deck-0'], count, tag, seed, NOW);
  } finally {
    process.stdout.write = write;
  }
}

/**
 * The two templates: a bare remote holding a's deck and history and b's reviews since, a with
 * reviews of its own not yet synced, b in step with the remote.
 */
async function makeTemplates(dir, helpers) {
  const [remote, a, b] = ['remote.git', 'a', 'b'].map((name) => join(dir, name));
  const made = await git(['init', '-q', '--bare', remote]);
  if (made.status !== 0) throw new Error(`git init --bare: ${made.stderr}`);
  await helpers.makeHome(a, { decks: 1, notesPerDeck: 40, reviewed: 15, now: new Date(NOW) });
  const synced = async (home, to) => {
    const r = await syncOf(home, to);
    if (r.status !== 0) throw new Error(`template sync: exit ${r.status}: ${r.stderr}`);
  };
  await synced(a, remote);
  await synced(b, remote);
  gradeQuietly(helpers, b, 6, 'b', 1);
  await synced(b);
  gradeQuietly(helpers, a, 6, 'a', 2);
  return { remote, a, b };
}

/** A copy of the template's remote and homes in `dir`, the homes the same devices, pointed at the copy. */
async function copyScenario(template, dir, helpers) {
  mkdirSync(dir, { recursive: true });
  const copied = await run('cp', ['-R', template.remote, template.a, template.b, dir], baseEnv());
  if (copied.status !== 0) throw new Error(`cp: ${copied.stderr}`);
  const homes = { remote: join(dir, 'remote.git'), a: join(dir, 'a'), b: join(dir, 'b') };
  for (const name of ['a', 'b']) {
    helpers.keepDevice(template[name], homes[name]);
    const set = await git(['-C', homes[name], 'config', 'remote.origin.url', homes.remote]);
    if (set.status !== 0) throw new Error(`git config: ${set.stderr}`);
  }
  return homes;
}

/**
 * `parley sync` on `home` with the wrapper's git (`wrapper`: its directory and the real git),
 * SIGKILLed after `delayMs` unless the wrapper kills it first; with `group`, the git commands it
 * runs die with it (a closed terminal, a machine that stops), leaving their lock files behind.
 */
function killedSync(home, remote, wrapper, killDir, killAt, delayMs, group) {
  const env = {
    ...baseEnv({ ...GIT_ENV, PARLEY_NOW: NOW, PARLEY_HOME: home }),
    PATH: `${wrapper.dir}:${process.env.PATH ?? ''}`,
    PARLEY_REAL_GIT: wrapper.realGit,
    PARLEY_KILL_DIR: killDir,
    PARLEY_KILL_AT: killAt ?? '',
  };
  let timer;
  const kill = (child) => (group ? process.kill(-child.pid, 'SIGKILL') : child.kill('SIGKILL'));
  const killing = delayMs === undefined ? undefined : (child) => (timer = setTimeout(() => kill(child), delayMs));
  return run(process.execPath, [CLI, 'sync', ...(remote ? [remote] : [])], env, killing, group).finally(() => clearTimeout(timer));
}

/** Waits for the git commands a killed parley left running, so the remote is checked at rest. */
async function orphansDone(killDir) {
  const left = () => {
    const names = readdirSync(killDir);
    return names.filter((n) => n.startsWith('running.')).length - names.filter((n) => n.startsWith('done.')).length;
  };
  for (let i = 0; i < 300 && left() > 0; i++) await sleep(20);
}

/**
 * What `git fsck` finds wrong with a repository; a notice (a bare remote whose HEAD names git's
 * default branch, which parley never pushes) is none.
 */
async function fsckProblem(repo) {
  const r = await git(['--git-dir', repo, 'fsck', '--no-progress', '--no-dangling']);
  const said = `${r.stderr}\n${r.stdout}`.split('\n').filter((l) => l.trim() && !l.startsWith('notice:'));
  return r.status === 0 && !said.length ? undefined : `git fsck ${repo}: exit ${r.status}: ${said[0] ?? ''}`;
}

/** One kill in one scenario; `killAt` a phase, else a kill `delayMs` after spawn (of its git too, with `group`). */
async function oneKill({ scenario, template, dir, helpers, wrapper, killAt, delayMs, group = false }) {
  const s = await copyScenario(template, dir, helpers);
  const killDir = join(dir, 'kill');
  mkdirSync(killDir);
  // join: a second machine (here c, a missing home) syncs for the first time.
  const home = scenario === 'join' ? join(dir, 'c') : s.a;
  const had = new Set([...idsOf(helpers, home), ...idsOf(helpers, s.b)]);
  // The user's command, which they run again after the kill: a first sync names the remote.
  const remote = scenario === 'join' ? s.remote : undefined;
  const sync = await killedSync(home, remote, wrapper, killDir, killAt, delayMs, group);
  const killed = sync.signal === 'SIGKILL';
  const problems = [];
  if (!killed) {
    if (sync.status !== 0) problems.push(`the sync, not killed, exited ${sync.status}: ${sync.stderr.trim()}`);
    // A phase that never came: the sync no longer runs what this section expects.
    if (killAt) problems.push(`kill point ${killAt} never reached (the sync ran to the end)`);
    return { killed, lost: 0, unusable: false, problems, syncMs: sync.ms };
  }
  if (killAt && readFileSync(join(killDir, 'killed'), 'utf8').trim() !== killAt) problems.push(`killed at ${killAt}, the wrapper says otherwise`);

  let unusable = false;
  const usable = (what, result) => {
    if (result.status === 0) return;
    unusable = true;
    problems.push(`${what}: exit ${result.status}: ${result.stderr.trim()}`);
  };
  usable('decks --json right after the kill', await parleyAt(home, ['decks', '--json']));
  if (existsSync(join(home, '.git'))) usable('git status right after the kill', await git(['-C', home, 'status', '--porcelain']));
  usable('the next sync', await syncOf(home, remote));
  usable("the other home's sync after it", await syncOf(s.b));
  // A kill of the group left no git running.
  if (!group) await orphansDone(killDir);
  for (const repo of [s.remote, join(home, '.git')]) {
    const problem = await fsckProblem(repo);
    if (problem) {
      unusable = true;
      problems.push(problem);
    }
  }
  let lost = 0;
  for (const [name, where] of [['this home', home], ['the other home', s.b]]) {
    const ids = idsOf(helpers, where);
    const now = new Set(ids);
    const missing = [...had].filter((id) => !now.has(id));
    lost += missing.length;
    if (missing.length) problems.push(`${missing.length} journal lines lost in ${name}: ${missing.slice(0, 3).join(', ')}`);
    if (now.size !== ids.length) problems.push(`${ids.length - now.size} journal lines twice in ${name}`);
  }
  return { killed, lost, unusable, problems };
}

export async function sync({ workDir, helpers, seed, quick, parallel = 2 }) {
  if (process.platform === 'win32') return { skipped: 'the kill points need a POSIX shell for the git wrapper' };
  const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout?.trim();
  if (!realGit) return { skipped: 'git is not on PATH' };
  const wrapper = { dir: join(workDir, 'sync-git'), realGit };
  mkdirSync(wrapper.dir);
  writeFileSync(join(wrapper.dir, 'git'), WRAPPER);
  chmodSync(join(wrapper.dir, 'git'), 0o755);

  const templateDir = join(workDir, 'sync-template');
  const template = await makeTemplates(templateDir, helpers);
  const templateProblem = await fsckProblem(template.remote);
  if (templateProblem) return { kills: 0, failures: [`template: ${templateProblem}`] };

  // How long an uninterrupted sync of each scenario takes here, from spawn: random kills fall within it.
  const random = rng(seed);
  const durations = {};
  // The first run of the copied CLI is the slowest (its code caches are made then): it warms up.
  for (const [i, scenario] of ['merge', 'merge', 'join'].entries()) {
    const dir = join(workDir, `sync-time-${i}`);
    const r = await oneKill({ scenario, template, dir, helpers, wrapper });
    durations[scenario] = r.syncMs;
    rmSync(dir, { recursive: true, force: true });
    if (r.problems.length) return { kills: 0, failures: r.problems.map((p) => `${scenario}, not killed: ${p}`) };
  }
  const [phases, rounds] = quick ? [QUICK, 1] : [PHASES, 3];
  const randomKills = quick ? { merge: 4, join: 2 } : { merge: 40, join: 12 };
  const plan = [];
  for (const scenario of ['merge', 'join']) {
    for (let r = 0; r < rounds; r++) for (const killAt of phases[scenario]) plan.push({ scenario, killAt });
    // Past node's start-up, before the end: a kill at a moment the sync is at work.
    const span = durations[scenario];
    for (let i = 0; i < randomKills[scenario]; i++) plan.push({ scenario, delayMs: Math.floor(span * (0.15 + 0.6 * random())), group: i % 2 === 1 });
  }
  const runs = await pool(plan, parallel, async (p, i) => {
    const dir = join(workDir, `sync-${i}`);
    try {
      return { ...p, ...(await oneKill({ ...p, template, dir, helpers, wrapper })) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  const killedRuns = runs.filter((r) => r.killed);
  return {
    kills: killedRuns.length,
    atPhases: killedRuns.filter((r) => r.killAt).length,
    phases: Object.values(phases).reduce((n, list) => n + list.length, 0),
    random: killedRuns.filter((r) => !r.killAt).length,
    withGit: killedRuns.filter((r) => r.group).length,
    finishedFirst: runs.filter((r) => !r.killed && !r.killAt).length,
    lost: runs.reduce((n, r) => n + r.lost, 0),
    unusable: runs.filter((r) => r.unusable).length,
    durations,
    failures: runs.flatMap((r) => r.problems.map((problem) => `${r.scenario} ${r.killAt ?? `kill${r.group ? ' of parley and its git' : ''} after ${r.delayMs} ms`}: ${problem}`)),
  };
}

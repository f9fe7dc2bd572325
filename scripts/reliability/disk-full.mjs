// Disk full (issue 10, item 2): a scripted review on a real tiny disk — a tmpfs holding the home,
// filled until only 0 to 3 pages are free — grades until the disk refuses, presses the same key
// again while it is still full, frees the space, presses it once more, and grades a few more.
// A grade is acknowledged when the frame after its key comes without the "disk full" line. Every
// acknowledged grade must be in the journal as a whole line and no refused one may be: 0 lost,
// 0 written without acknowledgement, 0 torn lines, the store readable, no temp files left.
// Needs root and a mountable tmpfs; otherwise the section is skipped and says why.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parley, plain, terminal } from './util.mjs';

const NOW = '2026-11-29T10:00:00Z';
const FRAME_END = /q quit\x1b\[K\x1b\[J/;
const DISK_FULL = /disk full/;
const FREE_PAGES = [0, 1, 2, 3];

const journalText = (helpers, home) => readFileSync(helpers.journalOf(home), 'utf8');

const wholeLines = (text) => text.split('\n').slice(0, -1).filter((l) => l.trim()).length;

/** One session on a disk with `freePages` pages left. */
async function oneDisk(mount, template, lib, helpers, freePages) {
  const home = join(mount, 'home');
  execFileSync('cp', ['-r', template, home]);
  helpers.keepDevice(template, home);
  const { bavail, bsize } = statfsSync(mount);
  writeFileSync(join(mount, 'filler'), Buffer.alloc(Math.max(0, (Number(bavail) - freePages) * Number(bsize)), 1));
  const seeded = wholeLines(journalText(helpers, home));
  const t = terminal(['review', '--new', '300'], { PARLEY_HOME: home, PARLEY_NOW: NOW });
  const problems = [];
  let acked = 0;
  let refused = 0;
  let freed = false;
  let afterFree = 0;
  let from = 0;
  let frame = await t.waitFor((s) => FRAME_END.test(s), from);
  let grades = 0;
  while (frame !== null && afterFree < 4 && grades < 400) {
    const text = plain(frame);
    from = t.buffer.length;
    if (!/1 Again/.test(text)) {
      t.pty.write(' ');
    } else {
      grades++;
      t.pty.write('3');
      frame = await t.waitFor((s) => FRAME_END.test(s), from, 10_000);
      if (frame === null) break;
      if (DISK_FULL.test(plain(frame))) {
        refused++;
        // Refused twice while still full (the same key, the card kept), then space is freed.
        if (refused % 2 === 0 && !freed) {
          rmSync(join(mount, 'filler'));
          freed = true;
        }
      } else {
        acked++;
        if (freed) afterFree++;
      }
      continue;
    }
    frame = await t.waitFor((s) => FRAME_END.test(s), from, 10_000);
  }
  t.pty.write('q');
  const quit = setTimeout(() => t.pty.kill('SIGKILL'), 10_000);
  const { exitCode } = await t.exit;
  clearTimeout(quit);
  if (exitCode !== 0) problems.push(`review exited ${exitCode}: ${plain(t.buffer).slice(-300)}`);
  if (refused === 0) problems.push(`the disk never filled (${grades} grades)`);
  if (refused > 0 && afterFree === 0) problems.push('no grade was taken after space was freed');

  const text = journalText(helpers, home);
  const written = wholeLines(text) - seeded;
  const torn = text !== '' && !text.endsWith('\n') ? 1 : 0;
  const lost = Math.max(0, acked - written);
  if (written > acked) problems.push(`${written - acked} grades written that the screen refused`);
  if (torn) problems.push(`the journal ends in a torn line: ${JSON.stringify(text.slice(text.lastIndexOf('\n') + 1).slice(0, 80))}`);
  const check = JSON.parse(execFileSync(process.execPath, [lib, 'check-store', home, 'deck-0'], { encoding: 'utf8' }));
  if (!check.readable) problems.push(`store unreadable: ${check.error}`);
  if (check.duplicateIds || check.replayMismatches || check.chainBreaks) problems.push(`store check: ${JSON.stringify(check).slice(0, 200)}`);
  const decks = parley(['decks', '--json'], { home, env: { PARLEY_NOW: NOW } });
  if (decks.status !== 0 || decks.stderr.trim()) problems.push(`parley decks afterwards: exit ${decks.status} ${decks.stderr.trim()}`);
  const leftovers = ['', 'decks', 'journal'].flatMap((d) => readdirSync(join(home, d)).filter((n) => /\.tmp|^\.lock/.test(n)));
  if (leftovers.length) problems.push(`left behind: ${leftovers.join(', ')}`);
  return { acked, refused, lost, torn, problems };
}

export async function diskFull({ workDir, lib, helpers, quick }) {
  if (process.getuid?.() !== 0) return { skipped: 'not running as root, so no tmpfs can be mounted' };
  const template = join(workDir, 'disk-full-template');
  execFileSync(process.execPath, [lib, 'make-home', template, '1', '200', '20']);
  const mount = join(workDir, 'disk-full-mount');
  mkdirSync(mount, { recursive: true });
  const runs = [];
  for (const freePages of quick ? [1] : FREE_PAGES) {
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount], { encoding: 'utf8' });
    if (mounted.status !== 0) return { skipped: `mount -t tmpfs failed: ${(mounted.stderr || mounted.error?.message || '').trim()}` };
    try {
      runs.push({ freePages, ...(await oneDisk(mount, template, lib, helpers, freePages)) });
    } finally {
      spawnSync('umount', [mount]);
    }
  }
  const sum = (key) => runs.reduce((n, r) => n + r[key], 0);
  return {
    runs: runs.length,
    pages: runs.map((r) => r.freePages),
    acked: sum('acked'),
    refused: sum('refused'),
    lost: sum('lost'),
    torn: sum('torn'),
    failures: runs.flatMap((r) => r.problems.map((p) => `${r.freePages} pages free: ${p}`)),
  };
}

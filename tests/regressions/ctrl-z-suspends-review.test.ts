// Attack (issue 10, item 15): Ctrl+Z during `parley review` did nothing — raw mode turns it into
// the byte 0x1a, which the key reader dropped — so the user could not put the session in the
// background, and whatever they typed next was taken as grades. Fix: Ctrl+Z hands the terminal
// back (leaves raw mode and the alternate screen, shows the cursor) and stops parley with SIGTSTP;
// on SIGCONT (`fg`) it takes the terminal again and redraws, and keys work as before.
//
// A shell with job control runs parley, as a user's does: a process group without one (an
// orphaned group) has SIGTSTP discarded by the kernel, so it cannot be stopped at all.
import { join } from 'node:path';
import { spawn } from '@lydell/node-pty';
import { describe, expect, it } from 'vitest';
import { CLI, parley, ROOT, tempHome } from '../helpers/cli.js';
import { journalLines } from '../helpers/journal.js';
import { plain, runInTerminal } from '../helpers/pty.js';
import { parseKeys } from '../../src/ui/keys.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');

describe('Ctrl+Z in review', () => {
  it('is a key of its own', () => {
    expect(parseKeys('\x1a')).toEqual(['ctrl-z']);
  });

  it('suspends to the shell with the terminal restored, and `fg` brings the session back', async () => {
    const home = tempHome();
    expect(parley(['import', SAMPLE], { home }).status).toBe(0);
    const shell = spawn('bash', ['--norc', '--noprofile', '-i'], {
      cols: 80, rows: 24, cwd: home,
      env: { PATH: process.env.PATH ?? '', HOME: home, TERM: 'xterm-256color', PS1: 'SHELL> ', PARLEY_HOME: home, PARLEY_NOW: '2026-11-30T09:00:00Z', NO_COLOR: '1' },
    });
    let raw = '';
    let from = 0;
    const waiters = new Set<() => void>();
    shell.onData((data) => {
      raw += data;
      for (const w of waiters) w();
    });
    const waitFor = (pattern: RegExp) => new Promise<string>((resolve, reject) => {
      const check = () => {
        const seen = raw.slice(from);
        if (!pattern.test(plain(seen))) return;
        waiters.delete(check);
        clearTimeout(timer);
        from = raw.length;
        resolve(seen);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${pattern}; saw:\n${plain(raw.slice(from)).slice(-3000)}`));
      }, 15_000);
      waiters.add(check);
      check();
    });
    try {
      await waitFor(/SHELL> $/);
      shell.write(`${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} review --direction zh-en\r`);
      await waitFor(/new \d+\s+learn/);

      shell.write('\x1a');
      const stopped = await waitFor(/Stopped[\s\S]*SHELL> $/);
      // Back on the normal screen, cursor shown, before the shell prompt.
      expect(stopped).toContain('\x1b[?1049l');
      expect(stopped).toContain('\x1b[?25h');
      // Typed at the shell, not taken as a grade.
      shell.write('3\r');
      await waitFor(/SHELL> $/);

      shell.write('fg\r');
      const back = await waitFor(/new \d+\s+learn[\s\S]*space\/enter show/);
      expect(back).toContain('\x1b[?1049h');
      shell.write(' ');
      await waitFor(/1 Again/);
      shell.write('3');
      await waitFor(/new \d+\s+learn/);
      shell.write('q');
      await waitFor(/Session done[\s\S]*SHELL> $/);
      shell.write('echo "EXIT=$?"\r');
      await waitFor(/EXIT=0/);
    } finally {
      shell.kill();
    }
    const entries = journalLines(home).map((l) => JSON.parse(l));
    expect(entries.map((e) => e.rating)).toEqual([3]);
  }, 60_000);

  it('where nothing can stop parley (no shell to return to), the session simply goes on', async () => {
    const home = tempHome();
    expect(parley(['import', SAMPLE], { home }).status).toBe(0);
    const term = runInTerminal(['review', '--direction', 'zh-en'], { PARLEY_HOME: home, NO_COLOR: '1' });
    await term.waitFor(/new \d+/);
    term.mark();
    term.type('\x1a');
    await term.waitFor('space/enter show');
    term.mark();
    term.type(' ');
    await term.waitFor('1 Again');
    term.type('q');
    expect(await term.exited).toBe(0);
  }, 30_000);
});

// Issue 10, item 6 (the settings part). The attack: two `parley config set` of different keys at
// the same moment; conf reads the whole file, sets one key and writes the whole file back, so the
// later writer erased the earlier one's key (6 of 40 runs; measured here before the fix: see the
// commit message). The read-change-write now happens under the home's lock: every pair keeps both.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, tempHome } from '../helpers/cli.js';

function configSet(home: string, key: string, value: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', PARLEY_HOME: home };
    const child = spawn(process.execPath, [CLI, 'config', 'set', key, value], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

const PAIRS = 20;

describe('two config set at once', () => {
  it(`keep both keys, ${PAIRS} pairs out of ${PAIRS}`, async () => {
    let lost = 0;
    for (let i = 0; i < PAIRS; i++) {
      const home = tempHome();
      // A settings file that already exists, so both processes read it before either writes.
      writeFileSync(join(home, 'settings.json'), '{\n\t"showPinyin": true\n}\n');
      const [a, b] = await Promise.all([configSet(home, 'newPerDay', String(i + 1)), configSet(home, 'dayStartsAt', String(i % 24))]);
      expect(a.status, a.stderr).toBe(0);
      expect(b.status, b.stderr).toBe(0);
      const stored = JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8'));
      if (stored.newPerDay !== i + 1 || stored.dayStartsAt !== i % 24 || stored.showPinyin !== true) lost++;
    }
    expect(lost, `${lost} of ${PAIRS} pairs lost a key`).toBe(0);
  }, 120_000);
});

// CI runs the reduced reliability suite (`npm run reliability -- --quick`, issue 6) on every change.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

let output: { text: string; status: number | null } | undefined;
function run(): { text: string; status: number | null } {
  if (output === undefined) {
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'reliability.mjs'), '--quick', '--seed', '20261129'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    output = { text: `${result.stdout}\n${result.stderr}`, status: result.status };
  }
  return output;
}

function failures(text: string): string[] {
  const at = text.indexOf('failure');
  if (/\nno failures/.test(text) || at < 0) return [];
  return text.split('\n').filter((l) => l.startsWith('  - ')).map((l) => l.slice(4));
}

describe('npm run reliability -- --quick', () => {
  it('prints every figure, finds no new failure and exits 0', () => {
    const { text, status } = run();
    for (const figure of ['crash:', 'sync:', 'concurrency:', 'corruption:', 'disk full:', 'journal validation:', 'bad input:', 'paths:', 'locking:', 'fuzz:', 'clock:', 'escapes:']) expect(text).toContain(figure);
    expect(text).toMatch(/crash: \d+ kills, 0 acknowledged reviews lost, 0 unreadable stores/);
    expect(text).toMatch(/sync: kills \d+, lost 0, unusable 0/);
    expect(text).not.toMatch(/^reliability: /m);
    expect(failures(text), text).toEqual([]);
    // The script's verdict, whatever its output says: CI goes by the exit status (null: killed by the timeout).
    expect(status, text).toBe(0);
  }, 300_000);
});

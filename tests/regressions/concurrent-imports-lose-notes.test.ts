// Found by an attacker (issue 10, item 6): two `parley import … --deck same` at once each read the
// deck, merged their own notes and wrote the file: the later write dropped the earlier one's notes
// (5 of 25 runs kept 25 or 5 notes instead of 30; both exited 0). Import now reads, merges and
// writes the deck under the home lock.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, tempHome } from '../helpers/cli.js';

function article(tag: string, count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(`${tag}组第${i + 1}天,我们在山上种了${i + 3}棵小树。`, `On day ${i + 1} of group ${tag}, we planted ${i + 3} small trees on the hill.`, '');
  }
  return lines.join('\n');
}

function run(home: string, file: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'import', file, '--deck', 'shared', '--suggest', '0'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', PARLEY_HOME: home },
      stdio: 'ignore',
    });
    child.on('exit', resolve);
  });
}

describe('two imports into one deck at once', () => {
  it('keep the notes of both, every time', async () => {
    for (let round = 0; round < 8; round++) {
      const home = tempHome();
      const a = join(home, 'a.txt');
      const b = join(home, 'b.txt');
      writeFileSync(a, article('甲', 15));
      writeFileSync(b, article('乙', 15));
      const codes = await Promise.all([run(home, a), run(home, b)]);
      expect(codes).toEqual([0, 0]);
      const deck = JSON.parse(readFileSync(join(home, 'decks', 'shared.json'), 'utf8'));
      expect(deck.notes).toHaveLength(30);
    }
  }, 120_000);
});

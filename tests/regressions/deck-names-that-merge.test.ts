// Found by an attacker (issue 10, item 17): different decks silently became one. `--deck 安全` and
// `--deck 鞍泉` both give the file name an-quan; `Plain.TXT` went into the deck of `plain.txt`;
// every article read from standard input went into one deck "article"; `CON`, `NUL`, `com1` were
// taken as deck names though Windows cannot make such files. Now a name whose file name another
// deck already uses gets the next free one (`an-quan-2`), and the output says so; device names
// are refused in one line.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';

const ONE = '今天早上我们去了河边。\nThis morning we went to the river.\n\n河水很清,我们看见了很多鱼。\nThe water was clear, and we saw many fish.\n';
const TWO = '图书馆下午五点关门。\nThe library closes at five in the afternoon.\n\n我们得快点走了。\nWe have to hurry.\n';

function article(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const decksOf = (home: string) => readdirSync(join(home, 'decks')).sort();
const nameOf = (home: string, slug: string) => JSON.parse(readFileSync(join(home, 'decks', `${slug}.json`), 'utf8')).name as string;

describe('deck names that give the same file name', () => {
  it('two Chinese names with the same pinyin make two decks', async () => {
    const home = tempHome();
    expect((await parleyIn(['import', article(home, 'a.txt', ONE), '--deck', '安全'], { home })).code).toBe(0);
    const second = await parleyIn(['import', article(home, 'b.txt', TWO), '--deck', '鞍泉'], { home });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/an-quan-2/);
    expect(second.stdout).toMatch(/"安全" already uses an-quan/);
    expect(decksOf(home)).toEqual(['an-quan-2.json', 'an-quan.json']);
    expect(nameOf(home, 'an-quan')).toBe('安全');
    expect(nameOf(home, 'an-quan-2')).toBe('鞍泉');
    // The same name again is the same deck: adding to a named deck is how --deck is meant.
    expect((await parleyIn(['import', article(home, 'c.txt', ONE), '--deck', '鞍泉'], { home })).code).toBe(0);
    expect(decksOf(home)).toEqual(['an-quan-2.json', 'an-quan.json']);
  });

  it('a deck is named by its own name afterwards, never by the slug its name would give', async () => {
    const home = tempHome();
    expect((await parleyIn(['import', article(home, 'a.txt', ONE), '--deck', '安全'], { home })).code).toBe(0);
    expect((await parleyIn(['import', article(home, 'b.txt', TWO), '--deck', '鞍泉'], { home })).code).toBe(0);
    const shown = JSON.parse((await parleyIn(['show', '鞍泉', '--json'], { home })).stdout);
    expect(shown.deck).toEqual({ name: '鞍泉', slug: 'an-quan-2' });
    expect(JSON.parse((await parleyIn(['show', 'an-quan', '--json'], { home })).stdout).deck.name).toBe('安全');
    const deleted = await parleyIn(['deck', 'delete', '鞍泉', '--yes'], { home });
    expect(deleted.stdout).toMatch(/Deleted deck "鞍泉"/);
    expect(decksOf(home)).toEqual(['an-quan.json']);
    // With 鞍泉 gone, its name finds nothing rather than the deck its pinyin would give.
    const missing = await parleyIn(['show', '鞍泉'], { home });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no deck named "鞍泉"/);
  });

  it('a file named like another in other case is another deck; the same file again is the same deck', async () => {
    const home = tempHome();
    expect((await parleyIn(['import', article(home, 'plain.txt', ONE)], { home })).code).toBe(0);
    const other = await parleyIn(['import', article(home, 'Plain.TXT', TWO)], { home });
    expect(other.code).toBe(0);
    expect(other.stdout).toMatch(/plain-2/);
    expect(decksOf(home)).toEqual(['plain-2.json', 'plain.json']);
    expect((await parleyIn(['import', join(home, 'plain.txt')], { home })).stdout).toMatch(/^plain:/m);
    expect(decksOf(home)).toEqual(['plain-2.json', 'plain.json']);
  });

  it('two different articles from standard input make two decks, the same one again none', async () => {
    const home = tempHome();
    expect((await parleyIn(['import', '-'], { home, input: ONE })).code).toBe(0);
    expect((await parleyIn(['import', '-'], { home, input: TWO })).code).toBe(0);
    expect((await parleyIn(['import', '-'], { home, input: ONE })).code).toBe(0);
    expect(decksOf(home)).toEqual(['article-2.json', 'article.json']);
  });

  it('a dry run names the deck the import would make', async () => {
    const home = tempHome();
    expect((await parleyIn(['import', article(home, 'a.txt', ONE), '--deck', '安全'], { home })).code).toBe(0);
    const dry = await parleyIn(['import', article(home, 'b.txt', TWO), '--deck', '鞍泉', '--dry-run', '--json'], { home });
    expect(JSON.parse(dry.stdout).deck).toEqual({ name: '鞍泉', slug: 'an-quan-2' });
  });

  it.each(['CON', 'nul', 'com1', 'LPT9', 'aux'])('device name %s is refused in one line', async (name) => {
    const home = tempHome();
    const result = await parleyIn(['import', article(home, 'a.txt', ONE), '--deck', name], { home });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/device name/);
    expect(readdirSync(home).sort()).toEqual(['a.txt']);
  });
});

// Case folders for eval.mjs and the golden test: a case is a folder with gold.json and an article.*.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function isCase(dir) {
  return existsSync(join(dir, 'gold.json'));
}

/** article.txt when there is one, else the first article.* (article.html…); undefined when none. */
function articleIn(dir) {
  const names = readdirSync(dir);
  return names.includes('article.txt') ? 'article.txt' : names.filter((n) => n.startsWith('article.')).sort()[0];
}

/**
 * What a case is scored with in a group: the part of its name before the first `_` (real, wmt21,
 * tatoeba, bible, seed); kebab-case names without one (tests/fixtures/articles) group by their
 * folder's name (`articles`), since their first word is only the topic.
 */
export function groupOf(name, folder) {
  if (name.includes('_')) return name.slice(0, name.indexOf('_'));
  return name.includes('-') ? folder : name;
}

/** The cases in a folder (or the folder itself when it is one), sorted by name. */
export function casesIn(dir) {
  const dirs = isCase(dir)
    ? [dir]
    : readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && isCase(join(dir, e.name)))
        .map((e) => join(dir, e.name))
        .sort();
  return dirs.flatMap((caseDir) => {
    const article = articleIn(caseDir);
    if (article === undefined) return [];
    const name = basename(caseDir);
    return [{ name, group: groupOf(name, basename(dirname(caseDir))), dir: caseDir, article: join(caseDir, article) }];
  });
}

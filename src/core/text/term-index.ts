/**
 * For each of `terms`, the indexes of the `texts` it occurs in, ascending. One pass over the texts:
 * at each position only the lengths of the terms that start with that character are looked up, so
 * the cost is the texts' length times a few lookups, not texts times terms (a long article with a
 * long word list made that minutes). `at` may rule positions out (an English term starts a word).
 */
export function textsContaining(
  texts: readonly string[],
  terms: Iterable<string>,
  at: (text: string, index: number) => boolean = () => true,
): Map<string, number[]> {
  const wanted = new Set<string>();
  const lengthsByFirst = new Map<string, number[]>();
  for (const term of terms) {
    if (!term || wanted.has(term)) continue;
    wanted.add(term);
    const lengths = lengthsByFirst.get(term[0]!) ?? [];
    if (!lengths.includes(term.length)) lengths.push(term.length);
    lengthsByFirst.set(term[0]!, lengths);
  }
  const found = new Map<string, number[]>();
  texts.forEach((text, t) => {
    for (let i = 0; i < text.length; i++) {
      const lengths = lengthsByFirst.get(text[i]!);
      if (!lengths || !at(text, i)) continue;
      for (const length of lengths) {
        const candidate = text.slice(i, i + length);
        if (candidate.length !== length || !wanted.has(candidate)) continue;
        const list = found.get(candidate);
        if (!list) found.set(candidate, [t]);
        else if (list[list.length - 1] !== t) list.push(t);
      }
    }
  });
  return found;
}

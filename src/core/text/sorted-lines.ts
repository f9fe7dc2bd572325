/**
 * A lookup over `key<TAB>value` lines sorted by key (UTF-16 code unit order), done by binary
 * search on the text itself: nothing is parsed up front, so a short article pays only for the
 * keys it asks about. `#` lines (comments) sort first and are skipped.
 */
export function sortedLineLookup(text: string): (key: string) => string | undefined {
  return (wanted) => {
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      // lastIndexOf reads a fromIndex of -1 as 0, which would find a newline at 0 and never move.
      const start = mid === 0 ? 0 : Math.max(lo, text.lastIndexOf('\n', mid - 1) + 1);
      const nl = text.indexOf('\n', start);
      const lineEnd = nl < 0 ? text.length : nl;
      const tab = text.indexOf('\t', start);
      const hasValue = tab >= 0 && tab < lineEnd;
      const key = hasValue ? text.slice(start, tab) : text.slice(start, lineEnd);
      if (key === wanted && hasValue) return text.slice(tab + 1, lineEnd);
      if (key.startsWith('#') || key < wanted) lo = lineEnd + 1;
      else hi = start;
    }
    return undefined;
  };
}

/**
 * The same lookup over an index cut into pages at line starts, where `firstKeys[i]` is the first
 * key of page i and `page(i)` reads that page's text: a lookup reads one page, so a short article
 * touches a few hundred kilobytes of a multi-megabyte index instead of all of it.
 */
export function pagedLineLookup(firstKeys: readonly string[], page: (index: number) => string): (key: string) => string | undefined {
  const pages = new Map<number, (key: string) => string | undefined>();
  return (wanted) => {
    if (firstKeys.length === 0) return undefined;
    // The last page whose first key is not after the wanted one is the only page that can hold it;
    // the first page also holds whatever sorts before its comment lines.
    let lo = 1;
    let hi = firstKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (firstKeys[mid]! <= wanted) lo = mid + 1;
      else hi = mid;
    }
    const at = lo - 1;
    let lookup = pages.get(at);
    if (!lookup) pages.set(at, (lookup = sortedLineLookup(page(at))));
    return lookup(wanted);
  };
}

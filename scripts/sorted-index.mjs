// Writes a sorted `key<TAB>value` index as UTF-16LE (Node makes a string of it without decoding
// work) with a table of pages beside it, so a run reads only the pages holding the keys it asks for.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const PAGE_BYTES = 1024;

/**
 * `lines` sorted by key in UTF-16 code unit order, `#` comment lines first; writes FILE.utf16le and
 * FILE.pages.json. Larger pages make a smaller table to parse, for an index asked about few keys.
 */
export function writeSortedIndex(base, lines, pageBytes = PAGE_BYTES) {
  const keys = [];
  const offsets = [];
  let offset = 0;
  let pageStart = -Infinity;
  for (const line of lines) {
    if (offset - pageStart >= pageBytes) {
      keys.push(line.split('\t')[0]);
      offsets.push(offset);
      pageStart = offset;
    }
    offset += (line.length + 1) * 2;
  }
  offsets.push(offset);
  mkdirSync(dirname(base), { recursive: true });
  writeFileSync(`${base}.utf16le`, Buffer.from(`${lines.join('\n')}\n`, 'utf16le'));
  writeFileSync(`${base}.pages.json`, JSON.stringify({ keys, offsets }));
}

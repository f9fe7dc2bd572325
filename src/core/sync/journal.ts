/**
 * Merges two copies of one device's journal. A journal only ever grows at its end, on its own
 * device, so one copy is normally the other plus some lines: the longer one is the merge. Should
 * neither be (a journal edited by hand, two homes sharing a device id), every line of either is
 * kept once, by entry id: ours in their order, then theirs not in ours. A journal is never deleted
 * by a merge, whatever one side did: that would lose reviews.
 */
export function mergeJournal(ours: string | undefined, theirs: string | undefined): string | undefined {
  if (ours === undefined || theirs === undefined) return ours ?? theirs;
  if (extends_(ours, theirs)) return ours;
  if (extends_(theirs, ours)) return theirs;
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const line of [...wholeLines(ours), ...wholeLines(theirs)]) {
    const key = entryKey(line);
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(line);
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** Whether `longer` is `prefix` followed by more whole lines (or nothing). */
function extends_(longer: string, prefix: string): boolean {
  return longer.startsWith(prefix) && (prefix === '' || prefix.endsWith('\n'));
}

function wholeLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

/** An entry's id; a line that is not an entry (it should not happen) is known by its text. */
function entryKey(line: string): string {
  try {
    const id = (JSON.parse(line) as { id?: unknown })?.id;
    if (typeof id === 'string' && id !== '') return `id\u0000${id}`;
  } catch {
    // Kept as text below.
  }
  return `line\u0000${line}`;
}

/** How many entries a journal's text holds: one per whole line. */
export function journalLines(text: string | undefined): number {
  return text === undefined ? 0 : wholeLines(text).length;
}

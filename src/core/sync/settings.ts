export interface SettingsMerge {
  /** The merged file; undefined when neither side has one. */
  text: string | undefined;
  /** Keys both sides changed to different values: each took the newer side's. */
  clashes: string[];
  /** A side is not a JSON object: ours is kept whole, as in a conflict. */
  unreadable: boolean;
}

type Values = Record<string, unknown>;

function parse(text: string | undefined): Values | undefined | 'unreadable' {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Values) : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

const key = (values: Values | undefined, name: string) =>
  values && Object.hasOwn(values, name) ? JSON.stringify(values[name]) : undefined;

/**
 * Merges settings.json key by key against the base: a key one side changed takes that change; a
 * key both changed differently takes the value of the side whose commit is newer (`theirsNewer`).
 * Written as conf writes it (tab-indented), so the next `config set` leaves the layout alone.
 */
export function mergeSettings(base: string | undefined, ours: string | undefined, theirs: string | undefined, theirsNewer: boolean): SettingsMerge {
  if (ours === theirs || base === theirs) return { text: ours, clashes: [], unreadable: false };
  if (base === ours) return { text: theirs, clashes: [], unreadable: false };
  const [b, o, t] = [parse(base), parse(ours), parse(theirs)];
  if (o === 'unreadable' || t === 'unreadable') return { text: ours, clashes: [], unreadable: true };
  const was = b === 'unreadable' ? undefined : b;
  const merged: Values = {};
  const clashes: string[] = [];
  for (const name of new Set([...Object.keys(o ?? {}), ...Object.keys(t ?? {})])) {
    const [w, m, x] = [key(was, name), key(o, name), key(t, name)];
    let side = o;
    if (m !== x) {
      if (w === m) side = t;
      else if (w !== x) {
        clashes.push(name);
        if (theirsNewer) side = t;
      }
    }
    if (side && Object.hasOwn(side, name)) merged[name] = side[name];
  }
  return { text: JSON.stringify(merged, undefined, '\t'), clashes, unreadable: false };
}

/**
 * Character classes the analyser needs, by code point, without regex per character. Every test
 * here takes a code point, never a UTF-16 code unit: Han characters outside the BMP (𩽾𩾌) are two
 * code units, and neither half of the pair is Han. Walk text with `for…of` or `codePointAt`, and
 * backwards with `codePointBefore`.
 */

/** The ideographs Chinese sentences are written in (unified, extensions, compatibility, 〇). */
export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x2ffff) ||
    cp === 0x3007
  );
}

/** ASCII and full-width Latin letters, plus accented Latin-1/Extended-A letters. */
export function isLatinLetter(cp: number): boolean {
  return (
    (cp >= 0x41 && cp <= 0x5a) ||
    (cp >= 0x61 && cp <= 0x7a) ||
    (cp >= 0xff21 && cp <= 0xff3a) ||
    (cp >= 0xff41 && cp <= 0xff5a) ||
    (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7)
  );
}

/** Han, CJK punctuation (、。「」) or full-width forms (，！Ａ): text that wraps with no space between characters. */
export function isCjk(cp: number): boolean {
  return isHan(cp) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef);
}

export function isDigit(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19);
}

export function isSpace(cp: number): boolean {
  return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0xa0 || cp === 0x3000 || (cp >= 0x2000 && cp <= 0x200b) || cp === 0xfeff;
}

/** The code point that ends at code unit `at` (a whole surrogate pair), or undefined at the start. */
export function codePointBefore(text: string, at: number): number | undefined {
  if (at <= 0) return undefined;
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** The whole character (code point) that starts at code unit `at`, for a regex test; '' past the end. */
export function characterAt(text: string, at: number): string {
  const cp = text.codePointAt(at);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** Code units a code point takes: 2 outside the BMP. */
export const unitsOf = (cp: number): number => (cp > 0xffff ? 2 : 1);

export interface ScriptCounts {
  han: number;
  latin: number;
  digits: number;
  /** Code points that are neither whitespace nor any of the above. */
  other: number;
}

export function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { han: 0, latin: 0, digits: 0, other: 0 };
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isHan(cp)) counts.han++;
    else if (isLatinLetter(cp)) counts.latin++;
    else if (isDigit(cp)) counts.digits++;
    else if (!isSpace(cp)) counts.other++;
  }
  return counts;
}

/**
 * The code points of `\p{Script=Han}` as of Unicode 17, as [first, last] ranges in order. Code points
 * added later are unassigned in older Unicode versions, so no real text tells the two apart
 * (tests/core/text/script.test.ts). Planes 2 and 3 hold only Han or unassigned code points, so
 * they are one range: each separate astral range costs a regex compile several times what all the
 * BMP ones do.
 */
const HAN_SCRIPT: readonly (readonly [number, number])[] = [
  [0x2e80, 0x2e99], [0x2e9b, 0x2ef3], [0x2f00, 0x2fd5], [0x3005, 0x3005], [0x3007, 0x3007], [0x3021, 0x3029],
  [0x3038, 0x303b], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfa6d], [0xfa70, 0xfad9], [0x16fe2, 0x16fe3],
  [0x16ff0, 0x16ff6], [0x20000, 0x3ffff],
];

/**
 * HAN_SCRIPT spelled out for a `/u` character class: V8 looks a property class up in ICU each
 * time a pattern using it compiles, ~0.4 ms a pattern, and a cold process compiles every pattern
 * it uses.
 */
export const HAN_RANGES = HAN_SCRIPT.map(([first, last]) => {
  const u = (cp: number) => `\\u{${cp.toString(16)}}`;
  return first === last ? u(first) : `${u(first)}-${u(last)}`;
}).join('');

/** One character of `\p{Script=Han}`, spelled out (see HAN_RANGES). */
export const HAN = new RegExp(`[${HAN_RANGES}]`, 'u');

/**
 * Exactly `/\p{Script=Han}/u` for one code point (wider than isHan: radicals, 々, Suzhou numerals),
 * with no regex at all: a few comparisons, the common ranges first.
 */
export function isHanScript(cp: number): boolean {
  if (cp < 0x2e80) return false;
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) return true;
  for (const [first, last] of HAN_SCRIPT) {
    if (cp < first) return false;
    if (cp <= last) return true;
  }
  return false;
}

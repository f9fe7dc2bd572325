import { isHanScript } from './script.js';
import { sortedLineLookup } from './sorted-lines.js';
import { readParticles, type Word } from './pinyin-rules.js';
import { asciiPunctuation, type Piece } from './pinyin-punctuation.js';

/** Longest word in the pinyin index, in characters. */
const MAX_WORD = 4;

/**
 * Pinyin for Chinese text from the index scripts/build-pinyin.mjs makes (words read as CC-CEDICT
 * reads them, single characters by their most common reading). The only pinyin parley prints:
 * vocabulary notes at import, deck slugs and the review screen all read through it.
 * Returns undefined when a Chinese character is not in the index.
 */
export function parsePinyinIndex(text: string): (zh: string) => string | undefined {
  return pinyinFrom(sortedLineLookup(text));
}

/** The same over any lookup of the index's readings by word (such as a paged one). */
export function pinyinFrom(lookup: (word: string) => string | undefined): (zh: string) => string | undefined {
  return (zh) => {
    const pieces: Piece[] = [];
    for (const run of runs(zh.normalize('NFKC'))) {
      if (!run.han) {
        pieces.push(...asciiPunctuation(run.text));
        continue;
      }
      const words = segment([...run.text], lookup);
      if (!words) return undefined;
      for (const word of readParticles(words)) pieces.push({ text: joinErhua(word.syllables), kind: 'word' });
    }
    return spaced(pieces);
  };
}

interface Run {
  han: boolean;
  text: string;
}

function runs(text: string): Run[] {
  const out: Run[] = [];
  for (const ch of text) {
    const han = isHanScript(ch.codePointAt(0)!);
    const last = out[out.length - 1];
    if (last && last.han === han) last.text += ch;
    else out.push({ han, text: ch });
  }
  return out;
}

/**
 * Characters that stand as words of their own in running text (pronouns, particles, common
 * adverbs and prepositions): of two readings of a phrase, the one leaving these alone is likelier.
 */
const FREE = new Set([...'我你您他她它的了着过吗呢吧啊呀嘛是在和与也就都还很太不没又才再把被给让对从向往比跟同而']);

/**
 * Words by bidirectional maximum matching (forward and backward longest match): the one with fewer
 * words wins, then the one with fewer single characters, then the one whose single characters
 * stand alone more often (MMSEG's last rule, with a list for the frequency it uses), then forward.
 * Forward alone reads 他不了解 as 他/不了/解, backward alone 她得到了 as 她/得/到了.
 */
function segment(chars: string[], lookup: (word: string) => string | undefined): Word[] | undefined {
  const forward = longestMatch(chars, lookup, false);
  const backward = longestMatch(chars, lookup, true);
  if (!forward || !backward) return undefined;
  const score = (words: Word[]) => {
    const singles = words.filter((w) => w.text.length === 1);
    return [words.length, singles.length, -singles.filter((w) => FREE.has(w.text)).length];
  };
  const [f, b] = [score(forward), score(backward)];
  const better = f.findIndex((x, i) => x !== b[i]!);
  return better < 0 || f[better]! < b[better]! ? forward : backward;
}

function longestMatch(chars: string[], lookup: (word: string) => string | undefined, backward: boolean): Word[] | undefined {
  const words: Word[] = [];
  let end = chars.length;
  let start = 0;
  while (backward ? end > 0 : start < chars.length) {
    let length = Math.min(MAX_WORD, backward ? end : chars.length - start);
    for (; length >= 1; length--) {
      const text = (backward ? chars.slice(end - length, end) : chars.slice(start, start + length)).join('');
      const reading = lookup(text);
      if (reading === undefined) continue;
      words.push({ text, syllables: reading.split(' ') });
      break;
    }
    if (length === 0) return undefined;
    if (backward) end -= length;
    else start += length;
  }
  return backward ? words.reverse() : words;
}

/** CC-CEDICT writes 儿化 as a syllable of its own (玩儿 wan2 r5); it is read as part of the one before: wánr. */
function joinErhua(syllables: readonly string[]): string {
  return syllables.reduce((out, s, i) => (i > 0 && s === 'r' ? `${out}r` : out ? `${out} ${s}` : s), '');
}

/**
 * One space between words; none inside brackets and quotes, or before the punctuation that closes
 * a clause. A straight quote opens when no quote is open, else closes.
 */
function spaced(pieces: Piece[]): string {
  let out = '';
  let glueNext = true;
  let quoted = false;
  for (const piece of pieces) {
    const kind: Piece['kind'] = piece.kind === 'quote' ? (quoted ? 'close' : 'open') : piece.kind;
    if (piece.text === '"') quoted = kind === 'open';
    if (!glueNext && kind !== 'close') out += ' ';
    out += piece.text;
    glueNext = kind === 'open';
  }
  return out;
}

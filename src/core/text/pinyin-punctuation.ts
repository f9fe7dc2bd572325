/** A piece of the pinyin line: a word, or punctuation that hugs the text after it (open) or before it (close). */
export interface Piece {
  text: string;
  /** `quote`: a straight quote, which opens or closes by the quotes before it. */
  kind: 'word' | 'open' | 'close' | 'quote';
}

/**
 * Chinese punctuation as ASCII, after NFKC has already turned the full-width forms (，！？：；（）)
 * into ASCII. Quotes of every kind become `"` (or `'`), book-title marks too.
 */
const MARKS: Readonly<Record<string, Piece>> = {
  '。': { text: '.', kind: 'close' },
  '、': { text: ',', kind: 'close' },
  '「': { text: '"', kind: 'open' },
  '」': { text: '"', kind: 'close' },
  '『': { text: '"', kind: 'open' },
  '』': { text: '"', kind: 'close' },
  '“': { text: '"', kind: 'open' },
  '”': { text: '"', kind: 'close' },
  '《': { text: '"', kind: 'open' },
  '》': { text: '"', kind: 'close' },
  '〈': { text: '"', kind: 'open' },
  '〉': { text: '"', kind: 'close' },
  '‘': { text: "'", kind: 'open' },
  '’': { text: "'", kind: 'close' },
  '【': { text: '[', kind: 'open' },
  '】': { text: ']', kind: 'close' },
  '〔': { text: '[', kind: 'open' },
  '〕': { text: ']', kind: 'close' },
  '(': { text: '(', kind: 'open' },
  '[': { text: '[', kind: 'open' },
  ')': { text: ')', kind: 'close' },
  ']': { text: ']', kind: 'close' },
  ',': { text: ',', kind: 'close' },
  '.': { text: '.', kind: 'close' },
  '!': { text: '!', kind: 'close' },
  '?': { text: '?', kind: 'close' },
  ';': { text: ';', kind: 'close' },
  ':': { text: ':', kind: 'close' },
  '"': { text: '"', kind: 'quote' },
  '—': { text: '-', kind: 'word' },
  '―': { text: '-', kind: 'word' },
};

/** Marks that stay inside a Latin word or number when letters or digits stand on both sides (U.S, 3.5, 10:30). */
const INNER = new Set([...".,:'’-/"]);

/**
 * The text between Chinese characters (after NFKC) as pieces: Latin words and numbers as written,
 * punctuation as ASCII; whitespace only separates.
 */
export function asciiPunctuation(text: string): Piece[] {
  const pieces: Piece[] = [];
  const chars = [...text.replace(/…+|\.{4,}/g, '...').replace(/[—―]+/g, '—').replace(/[·・]/g, ' ')];
  let word = '';
  const flush = () => {
    if (word) pieces.push({ text: word, kind: 'word' });
    word = '';
  };
  chars.forEach((ch, i) => {
    if (/\s/u.test(ch)) return flush();
    const mark = MARKS[ch];
    const inner = INNER.has(ch) && word !== '' && /[\p{L}\p{N}]/u.test(chars[i + 1] ?? '');
    if (!mark || inner) {
      word += ch === '’' ? "'" : ch;
      return;
    }
    flush();
    pieces.push(mark);
  });
  flush();
  return pieces;
}

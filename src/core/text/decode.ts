import { UserError } from '../errors.js';
import { stripControls } from './controls.js';
import { isCjk, isHan } from './script.js';

/** Guesses a legacy encoding from bytes (jschardet's detectAll), best first. */
export type EncodingGuesser = (bytes: Uint8Array) => { encoding?: string | null; confidence: number }[];

export interface DecodedArticle {
  text: string;
  /** The WHATWG name of the encoding that was used, e.g. `utf-8`, `utf-16le`, `gb18030`. */
  encoding: string;
}

const ACCEPTED = 'utf-8, utf-16le, utf-16be, gbk, gb18030, big5 (or another WHATWG encoding label)';
const TRY_ENCODING = `give --encoding ENC, one of ${ACCEPTED}, or re-save the file as UTF-8`;

/** Names people type that are not WHATWG labels, keyed without `-` and `_`. */
const ALIASES: Record<string, string> = {
  utf16: 'utf-16le',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  utf8sig: 'utf-8',
  cp936: 'gbk',
  ms936: 'gbk',
  windows936: 'gbk',
};

/** jschardet names whose text is better read by a superset decoder. */
const DETECTED: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb18030: 'gb18030',
  'hz-gb-2312': 'gb18030',
  big5: 'big5',
  'euc-tw': 'big5',
};

/**
 * Bytes of an article to text with LF line ends and no terminal control characters (see
 * stripControls): every article, from a file, standard input or HTML, is read through here.
 * Detects UTF-8 (BOM or not), UTF-16 LE/BE (BOM or NUL pattern) and legacy Chinese encodings;
 * `encoding` overrides the detection.
 * Every failure is a UserError naming `label`.
 */
export function decodeArticle(bytes: Uint8Array, encoding?: string, label = 'the input', guess?: EncodingGuesser): DecodedArticle {
  if (bytes.length === 0) throw new UserError(`${label} is empty`, 'give a file that holds the article text');
  const decoded = encoding === undefined ? detectAndDecode(bytes, label, guess) : decodeAs(bytes, resolveLabel(encoding), label, true);
  const lines = decoded.text.replace(/\r\n?/g, '\n');
  if (looksBinary(lines)) throw binary(label);
  const text = stripControls(lines);
  if (text.trim() === '') throw new UserError(`${label} holds only whitespace`, 'give a file that holds the article text');
  return { text, encoding: decoded.encoding };
}

function resolveLabel(name: string): string {
  const encoding = supported(name.trim()) ?? supported(ALIASES[name.toLowerCase().replace(/[-_\s]/g, '')] ?? '');
  if (encoding === undefined) throw new UserError(`unknown encoding '${name}'`, `use one of ${ACCEPTED}`, 2);
  return encoding;
}

function decodeAs(bytes: Uint8Array, encoding: string, label: string, explicit = false): DecodedArticle {
  try {
    return { text: decodeStrict(bytes, encoding), encoding };
  } catch {
    throw new UserError(`${label} is not valid ${encoding.toUpperCase()} text (undecodable bytes)`, explicit ? 'check the encoding, or re-save the file as UTF-8' : TRY_ENCODING);
  }
}

function binary(label: string): UserError {
  return new UserError(`${label} looks like a binary file, not text`, 'give a text, Markdown or HTML file');
}

function detectAndDecode(bytes: Uint8Array, label: string, guess: EncodingGuesser | undefined): DecodedArticle {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeAs(bytes, 'utf-8', label);
  if (b0 === 0xff && b1 === 0xfe) return decodeAs(bytes, 'utf-16le', label);
  if (b0 === 0xfe && b1 === 0xff) return decodeAs(bytes, 'utf-16be', label);
  if (bytes.includes(0)) return decodeUtf16WithoutBom(bytes, label);
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  // A few bad bytes in otherwise sound UTF-8 is a damaged UTF-8 file, not a legacy encoding.
  const stats = utf8Stats(bytes);
  if (stats.valid > 4 * stats.invalid) {
    throw new UserError(`${label} is not valid UTF-8 (undecodable byte at offset ${stats.firstInvalid})`, TRY_ENCODING);
  }
  return decodeLegacy(bytes, label, guess);
}

/** ASCII in UTF-16 leaves a NUL in every other byte; which half says the byte order. */
function decodeUtf16WithoutBom(bytes: Uint8Array, label: string): DecodedArticle {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const encoding = odd > 4 * even ? 'utf-16le' : even > 4 * odd ? 'utf-16be' : undefined;
  if (encoding === undefined) throw binary(label);
  const text = new TextDecoder(encoding).decode(bytes);
  if (!plausibleText(text)) throw binary(label);
  return decodeAs(bytes, encoding, label);
}

function decodeLegacy(bytes: Uint8Array, label: string, guess: EncodingGuesser | undefined): DecodedArticle {
  const guesses = (guess?.(bytes) ?? []).map((g) => ({ encoding: DETECTED[(g.encoding ?? '').toLowerCase()], confidence: g.confidence }));
  const sure = guesses.find((g) => g.encoding !== undefined && g.confidence >= 0.5);
  if (sure?.encoding !== undefined) return decodeAs(bytes, sure.encoding, label);
  // A zh/en article that is not UTF-8 is nearly always GBK: bytes that decode to Chinese beat
  // jschardet's odd single-byte guesses on short or mostly-ASCII text; Latin-1 text is the rest.
  const candidates = [...guesses.map((g) => g.encoding).filter((e) => e !== undefined), 'gb18030'];
  for (const encoding of candidates) {
    const text = tryDecode(bytes, encoding);
    if (text !== undefined && mostlyHan(text)) return { text, encoding };
  }
  return { text: decodeStrict(bytes, 'windows-1252'), encoding: 'windows-1252' };
}

function supported(encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding).encoding;
  } catch {
    return undefined;
  }
}

/** Windows-1252's printable 0x80-0x9F; Node 20's decoder for that label is really ISO-8859-1. */
export const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

function decodeStrict(bytes: Uint8Array, encoding: string): string {
  const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  return encoding === 'windows-1252' ? text.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!) : text;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return decodeStrict(bytes, encoding);
  } catch {
    return undefined;
  }
}

/** Counts well-formed multi-byte sequences against bytes that cannot start or continue one. */
function utf8Stats(bytes: Uint8Array): { valid: number; invalid: number; firstInvalid: number } {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need >= 0;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      ok = c !== undefined && c >= 0x80 && c <= 0xbf;
    }
    if (!ok) {
      invalid++;
      if (firstInvalid < 0) firstInvalid = i;
      i++;
    } else {
      if (need > 0) valid++;
      i += need + 1;
    }
  }
  return { valid, invalid, firstInvalid };
}

/** Most non-ASCII characters of a Chinese decoding are Han or CJK punctuation, not mojibake. */
function mostlyHan(text: string): boolean {
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    nonAscii++;
    if (isCjk(cp) || (cp >= 0x2010 && cp <= 0x2027)) cjk++;
  }
  return cjk >= 0.8 * nonAscii;
}

/** Characters an article plausibly holds; a binary file read as UTF-16 is mostly other code points. */
function plausibleChar(cp: number): boolean {
  return (
    cp === 0x09 ||
    cp === 0x0a ||
    cp === 0x0d ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0x52f) ||
    (cp >= 0x2000 && cp <= 0x2bff) ||
    (cp >= 0x2e80 && cp <= 0x33ff) ||
    isHan(cp) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x1f000 && cp <= 0x1faff)
  );
}

function plausibleText(text: string): boolean {
  let total = 0;
  let good = 0;
  for (const ch of text) {
    total++;
    if (plausibleChar(ch.codePointAt(0)!)) good++;
  }
  return good >= 0.9 * total;
}

/** NUL, or more than a few percent of C0/C1 control characters other than layout whitespace. */
function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0b) || c === 0x7f || (c >= 0x80 && c <= 0x9f)) controls++;
  }
  return controls > 8 && controls > 0.05 * text.length;
}

import { hasControls } from './controls.js';
import { CP1252_HIGH } from './decode.js';
import { isHan, isSpace } from './script.js';

export interface HtmlText {
  /** Paragraphs separated by a blank line; list items, table rows and `<br>` end a line. */
  text: string;
  title?: string;
}

/** Elements whose content is never article text; skipped up to their end tag without parsing. */
const RAW_SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'textarea', 'object']);
/** Page furniture around the article; their text is dropped but the markup inside is parsed. */
const FURNITURE = new Set(['nav', 'header', 'footer', 'button', 'select']);
const LINE_BREAK = new Set(['br', 'li', 'tr', 'dt', 'dd', 'option']);
const PARAGRAPH = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'main', 'aside',
  'ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'caption', 'pre', 'hr', 'figure', 'figcaption',
  'address', 'center', 'details', 'summary', 'fieldset', 'legend', 'body', 'html', 'form',
]);
const CELL = new Set(['td', 'th']);

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', sbquo: '‚',
  bdquo: '„', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', middot: '·', bull: '•', copy: '©',
  reg: '®', trade: '™', times: '×', divide: '÷', deg: '°', plusmn: '±', para: '¶', sect: '§',
  cent: '¢', pound: '£', yen: '¥', euro: '€', shy: '', zwsp: '', zwj: '\u200d', zwnj: '\u200c',
  prime: '′', Prime: '″', larr: '←', rarr: '→', uarr: '↑', darr: '↓', iexcl: '¡', iquest: '¿',
  eacute: 'é', egrave: 'è', agrave: 'à', aacute: 'á', uuml: 'ü', ouml: 'ö', auml: 'ä', ccedil: 'ç',
};
/** Entities browsers also accept without the semicolon. */
const LEGACY = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp']);

/**
 * Cheap sniff for an HTML page saved as a file or piped in: a doctype or `<html>`/`<body>` near the
 * start, or several block tags. A plain-text article mentioning one tag does not qualify.
 */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 65_536);
  if (/^\s*(?:<!--[\s\S]{0,2000}?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i.test(head.replace(/^\ufeff/, ''))) return true;
  if (/<(?:html|body)\b[^<>]{0,500}>/i.test(head.slice(0, 4096))) return true;
  const tags = head.match(/<\/?(?:p|div|br|h[1-6]|li|ul|ol|table|tr|td|span|a|article|section)\b[^<>]{0,500}>/gi);
  return (tags?.length ?? 0) >= 5;
}

/** One pass over the markup; every loop advances, so time is linear and no input throws. */
export function htmlToText(html: string): HtmlText {
  const out = new TextOut();
  let title: string | undefined;
  let h1: string | undefined;
  let h1Start = -1;
  const furniture: string[] = [];
  let pre = 0;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > i) {
      if (furniture.length === 0) out.text(decodeEntities(html.slice(i, textEnd)), pre > 0);
      i = textEnd;
      continue;
    }
    const tag = readTag(html, i);
    if (tag === undefined) {
      if (furniture.length === 0) out.text('<', pre > 0);
      i++;
      continue;
    }
    i = tag.end;
    const { name, closing } = tag;
    if (name === '') continue;
    if (!closing && (RAW_SKIP.has(name) || name === 'title')) {
      const close = new RegExp(`</${name}\\s*>`, 'gi');
      close.lastIndex = i;
      const found = close.exec(html);
      const contentEnd = found ? found.index : html.length;
      if (name === 'title' && title === undefined) title = collapse(decodeEntities(html.slice(i, contentEnd))) || undefined;
      i = found ? close.lastIndex : html.length;
      continue;
    }
    if (FURNITURE.has(name)) {
      // Capped so that junk with thousands of unclosed tags stays linear.
      if (!closing) {
        if (furniture.length < 64) furniture.push(name);
      } else if (furniture.includes(name)) {
        furniture.length = furniture.lastIndexOf(name);
      }
      continue;
    }
    if (closing && (name === 'body' || name === 'html')) furniture.length = 0;
    if (furniture.length > 0) continue;
    if (name === 'pre') {
      pre = closing ? Math.max(0, pre - 1) : pre + 1;
      if (!closing) out.skipNextNewline();
    }
    if (name === 'h1') {
      if (!closing) {
        out.paragraph();
        h1Start = out.mark();
      } else if (h1Start >= 0) {
        out.paragraph();
        h1 ??= collapse(out.since(h1Start)) || undefined;
        h1Start = -1;
      }
    }
    if (name === 'br') out.lineBreak(true);
    else if (LINE_BREAK.has(name)) out.lineBreak(false);
    else if (PARAGRAPH.has(name)) out.paragraph();
    else if (CELL.has(name) && !closing) out.cell();
  }
  const text = out.finish();
  const result: HtmlText = { text };
  const heading = title ?? h1;
  if (heading !== undefined) result.title = heading;
  return result;
}

interface Tag {
  name: string;
  closing: boolean;
  /** Index just after the tag. */
  end: number;
}

/** A tag, comment, doctype or processing instruction at `start`, or undefined when `<` is just text. */
function readTag(html: string, start: number): Tag | undefined {
  const next = html[start + 1];
  if (next === '!' || next === '?') {
    if (html.startsWith('<!--', start)) {
      const close = html.indexOf('-->', start + 4);
      return { name: '', closing: false, end: close < 0 ? html.length : close + 3 };
    }
    const close = html.indexOf('>', start);
    return { name: '', closing: false, end: close < 0 ? html.length : close + 1 };
  }
  const closing = next === '/';
  let j = start + (closing ? 2 : 1);
  const nameStart = j;
  while (j < html.length && /[A-Za-z0-9]/.test(html[j]!)) j++;
  if (j === nameStart || !/[A-Za-z]/.test(html[nameStart]!)) return undefined;
  const name = html.slice(nameStart, j).toLowerCase();
  let quote = '';
  for (; j < html.length; j++) {
    const c = html[j]!;
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return { name, closing, end: j + 1 };
    }
  }
  return { name, closing, end: html.length };
}

const ENTITY = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,9}))(;?)/y;

/**
 * One scan, copying the text between references into pieces joined a few thousand at a time: a
 * replace with a callback, or one join of millions of pieces, costs V8 hundreds of MB and seconds
 * for a page of nothing but `&amp;`.
 */
function decodeEntities(text: string): string {
  let at = text.indexOf('&');
  if (at < 0) return text;
  const joined: string[] = [];
  const pieces: string[] = [];
  const add = (piece: string) => {
    pieces.push(piece);
    if (pieces.length < 4096) return;
    joined.push(pieces.join(''));
    pieces.length = 0;
  };
  let from = 0;
  for (; at >= 0; at = text.indexOf('&', at + 1)) {
    ENTITY.lastIndex = at;
    const match = ENTITY.exec(text);
    const value = match ? referenceValue(match) : undefined;
    if (value === undefined) continue;
    if (at > from) add(text.slice(from, at));
    add(value);
    from = ENTITY.lastIndex;
    at = from - 1;
  }
  add(text.slice(from));
  return joined.join('') + pieces.join('');
}

/** What a matched reference stands for; undefined when it stays as written (an unknown name). */
function referenceValue([, dec, hex, name, semi]: RegExpExecArray): string | undefined {
  if (name !== undefined) {
    // Own keys only: `&constructor;` is not an entity.
    const value = Object.hasOwn(NAMED, name) ? NAMED[name] : undefined;
    return value !== undefined && (semi === ';' || LEGACY.has(name)) ? value : undefined;
  }
  return numericReference(dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16));
}

/**
 * What `&#N;` stands for, as the HTML standard reads it (0x80-0x9F as Windows-1252, which old
 * pages rely on for `&#150;` and `&#147;`), except that a reference to a control character, which
 * would reach a terminal as ESC or a bidi override, is dropped; whitespace ones stay whitespace.
 */
function numericReference(cp: number): string {
  if (cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
  const char = cp >= 0x80 && cp <= 0x9f ? CP1252_HIGH[cp - 0x80]! : String.fromCodePoint(cp);
  if (char === '\t' || char === '\n') return char;
  if (cp >= 0x0b && cp <= 0x0d) return ' ';
  return hasControls(char) ? '' : char;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** East Asian text wraps without spaces, so a source line break between two such characters is dropped. */
function isCjk(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const cp = ch.codePointAt(0)!;
  return isHan(cp) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef);
}

/** Chinese text often ends a clause with a half-width `,` `:` `)` and goes on without a space. */
function endsCjk(line: string): boolean {
  const last = line.at(-1);
  return isCjk(last) || (last !== undefined && ',.:;!?)'.includes(last) && isCjk(line.at(-2)));
}

/** Accumulates lines; a blank line is a paragraph break and runs of them collapse to one. */
class TextOut {
  private readonly lines: string[] = [];
  private line = '';
  private space: '' | ' ' | '\n' = '';
  private dropNewline = false;

  /** Adds a run of non-space text at a time: a character at a time, a long line costs memory per character. */
  text(chunk: string, pre: boolean): void {
    if (pre) return this.preText(chunk);
    let i = 0;
    while (i < chunk.length) {
      const cp = chunk.codePointAt(i)!;
      // Every space character is in the BMP.
      if (isSpace(cp)) {
        if (this.line !== '' && !this.line.endsWith('\t') && this.space !== '\n') this.space = cp === 0x0a ? '\n' : ' ';
        i++;
        continue;
      }
      let end = i;
      while (end < chunk.length && !isSpace(chunk.charCodeAt(end))) end++;
      if (this.space !== '') {
        const joinCjk = this.space === '\n' && isCjk(String.fromCodePoint(cp)) && endsCjk(this.line);
        if (!joinCjk) this.line += ' ';
        this.space = '';
      }
      this.line += chunk.slice(i, end);
      this.dropNewline = false;
      i = end;
    }
  }

  private preText(chunk: string): void {
    const parts = chunk.split('\n');
    parts.forEach((part, k) => {
      if (k > 0) {
        if (this.dropNewline && this.line === '') this.dropNewline = false;
        else this.endLine(true);
      }
      if (part !== '') this.dropNewline = false;
      this.line += part.replace(/\r$/, '');
    });
  }

  skipNextNewline(): void {
    this.dropNewline = true;
  }

  cell(): void {
    if (this.line !== '') this.line += '\t';
    this.space = '';
  }

  lineBreak(keepEmpty: boolean): void {
    if (keepEmpty || this.line !== '') this.endLine(keepEmpty);
  }

  paragraph(): void {
    this.lineBreak(false);
    if (this.lines.at(-1) !== '') this.lines.push('');
  }

  mark(): number {
    return this.lines.length;
  }

  since(mark: number): string {
    return this.lines.slice(mark).join(' ');
  }

  finish(): string {
    this.lineBreak(false);
    const kept: string[] = [];
    for (const line of this.lines) {
      if (line === '' && (kept.length === 0 || kept.at(-1) === '')) continue;
      kept.push(line);
    }
    while (kept.at(-1) === '') kept.pop();
    return kept.join('\n');
  }

  private endLine(keepEmpty: boolean): void {
    const line = this.line.replace(/[ \t]+$/, '');
    if (line !== '' || keepEmpty) this.lines.push(line);
    this.line = '';
    this.space = '';
  }
}

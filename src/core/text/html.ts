import { CONTROL_CHARS } from './controls.js';
import { codePointBefore, isCjk, isSpace, unitsOf } from './script.js';

export interface HtmlText {
  /** Paragraphs separated by a blank line; list items, table rows and `<br>` end a line. */
  text: string;
  title?: string;
}

/** What an HTML tokenizer reports, in document order: lower-case tag names, text with its character references decoded. */
export interface HtmlTokens {
  open(name: string): void;
  close(name: string): void;
  text(text: string): void;
}

/**
 * Reads `html` into `tokens`: a real HTML tokenizer (htmlparser2's, see the import command),
 * injected so that core stays free of it and plain-text imports never load it.
 */
export type HtmlTokenizer = (html: string, tokens: HtmlTokens) => void;

/** Elements whose content is never article text. */
const RAW_SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'textarea', 'object']);
/** Page furniture around the article. */
const FURNITURE = new Set(['nav', 'header', 'footer', 'button', 'select']);
const LINE_BREAK = new Set(['li', 'tr', 'dt', 'dd', 'option']);
const PARAGRAPH = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'main', 'aside',
  'ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'caption', 'pre', 'hr', 'figure', 'figcaption',
  'address', 'center', 'details', 'summary', 'fieldset', 'legend', 'body', 'html', 'form',
]);
const CELL = new Set(['td', 'th']);
/** Elements that never have content or an end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/**
 * Deeper nesting than any page has: elements past it are ignored, so that closing a tag looks at
 * a bounded number of open ones and junk with thousands of unclosed tags stays linear.
 */
const MAX_DEPTH = 256;

/**
 * A reference to a control character (`&#27;`, `&#x202E;`) would reach a terminal as ESC or a
 * bidi override, so it is dropped; the line-ending ones stay whitespace.
 */
const CONTROL = new RegExp(`[${CONTROL_CHARS}]`, 'g');
const withoutControls = (text: string) => text.replace(CONTROL, (c) => (c === '\v' || c === '\f' || c === '\r' ? ' ' : ''));

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

/**
 * The article text of a page: blocks become lines and paragraphs, and the text of scripts, styles
 * and page furniture is dropped. An end tag closes the elements left open inside it, as a browser
 * does, so an unclosed `<nav>` ends with its parent.
 */
export function htmlToText(html: string, tokenize: HtmlTokenizer): HtmlText {
  const out = new TextOut();
  const open: string[] = [];
  let skipped = 0;
  let pre = 0;
  let titleText: string | undefined;
  let title: string | undefined;
  let h1: string | undefined;
  let h1Start = -1;

  const opened = (name: string) => {
    if (name === 'title' && skipped === 0) titleText = '';
    if (RAW_SKIP.has(name) || FURNITURE.has(name)) skipped++;
    if (skipped > 0) return;
    if (name === 'pre') {
      pre++;
      out.skipNextNewline();
    }
    if (name === 'h1') {
      out.paragraph();
      h1Start = out.mark();
    }
    block(name, false);
  };
  const closed = (name: string) => {
    if (name === 'title' && titleText !== undefined) {
      title ??= collapse(titleText) || undefined;
      titleText = undefined;
    }
    const skipping = skipped > 0;
    if (RAW_SKIP.has(name) || FURNITURE.has(name)) skipped--;
    if (skipping) return;
    if (name === 'pre') pre--;
    if (name === 'h1' && h1Start >= 0) {
      out.paragraph();
      h1 ??= collapse(out.since(h1Start)) || undefined;
      h1Start = -1;
    }
    block(name, true);
  };
  const block = (name: string, closing: boolean) => {
    if (LINE_BREAK.has(name)) out.lineBreak(false);
    else if (PARAGRAPH.has(name)) out.paragraph();
    else if (CELL.has(name) && !closing) out.cell();
  };

  const openTag = (name: string) => {
    if (name === 'br') {
      if (skipped === 0) out.lineBreak(true);
    } else if (VOID.has(name)) {
      if (skipped === 0) block(name, false);
    } else if (open.length < MAX_DEPTH) {
      open.push(name);
      opened(name);
    }
  };
  const closeTag = (name: string) => {
    // `</br>` is read as `<br>`, as browsers do.
    if (name === 'br') return openTag(name);
    // The end of the page closes everything, matched or not.
    const at = name === 'body' || name === 'html' ? 0 : open.lastIndexOf(name);
    if (at >= 0) {
      while (open.length > at) closed(open.pop()!);
    } else if (skipped === 0 && !VOID.has(name)) {
      // A stray `</p>` still ends a paragraph.
      block(name, true);
    }
  };
  const text = (chunk: string) => {
    const clean = withoutControls(chunk);
    if (titleText !== undefined) titleText += clean;
    else if (skipped === 0) out.text(clean, pre > 0);
  };
  tokenize(html, { open: openTag, close: closeTag, text });
  while (open.length > 0) closed(open.pop()!);
  const result: HtmlText = { text: out.finish() };
  const heading = title ?? h1;
  if (heading !== undefined) result.title = heading;
  return result;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * East Asian text wraps without spaces, so a source line break after such a character is dropped.
 * Chinese text often ends a clause with a half-width `,` `:` `)` and goes on without a space.
 */
function endsCjk(line: string): boolean {
  const last = codePointBefore(line, line.length);
  if (last === undefined) return false;
  if (isCjk(last)) return true;
  if (!',.:;!?)'.includes(String.fromCodePoint(last))) return false;
  const before = codePointBefore(line, line.length - unitsOf(last));
  return before !== undefined && isCjk(before);
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
        const joinCjk = this.space === '\n' && isCjk(cp) && endsCjk(this.line);
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

import { HAN, HAN_RANGES } from '../text/script.js';

/**
 * Pages saved as Markdown carry inline HTML and emphasis (`<u>grapple with</u>`, `<span style="…">
 * lantern</span>`, `灯笼<br/>灯`, `&emsp;`, `**calligraphy**`, `==argued==`, `` `code` ``, links
 * with a URL and a title): none of it is part of a sentence, a term or its gloss. Every quantifier
 * is bounded, so a long line of unclosed marks costs linear time.
 */
export function withoutMarkup(text: string): string {
  if (!/[<&*_=`\]~]/.test(text)) return text;
  return text
    .replace(/!\[[^\]]{0,300}\]\([^()\s]{0,1000}[/.#:][^()\s]{0,1000}(?:\s+"[^"]{0,300}")?\)/g, '')
    .replace(/\[([^\]]{1,300})\]\([^()\s]{0,1000}[/.#:][^()\s]{0,1000}(?:\s+"[^"]{0,300}")?\)/g, '$1')
    .replace(/(.?)<br\s*\/?>(.?)/gi, (_m, a: string, b: string) => `${a}${HAN.test(a) && HAN.test(b) ? '；' : ' '}${b}`)
    .replace(TAG, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => entity(name) ?? whole)
    .replace(EMPHASIS, '$2')
    // Once more for emphasis nested in emphasis (`==was **proposed** by==`).
    .replace(EMPHASIS, '$2')
    .replace(/`([^`]{1,300})`/g, '$1')
    .replace(SINGLE_EMPHASIS, '$1$2')
    .replace(/[ \u00a0\u2002\u2003\u2009]+/g, ' ')
    .trim();
}

/** Emphasis marks not between letters or digits: `a==b`, `2**10` and `__init__` are not emphasis. */
const EMPHASIS = /(?<![A-Za-z0-9])(\*\*|__|==|~~)(?=\S)(.{1,300}?)(?<=\S)\1(?![A-Za-z0-9])/g;
/** `*real*`, `_real_`, `*实际*`: a single mark after a space or a Chinese character, closing before one or punctuation. */
const SINGLE_EMPHASIS = new RegExp(
  `(^|[\\s\\t${HAN_RANGES}])[*_](?=[^\\s*_])([^*_\\t]{1,300}?)(?<=\\S)[*_](?=$|[\\s\\t,.;:!?，。；：！？${HAN_RANGES}])`,
  'gu',
);
/** Tags by name, so that `x<y and y>z`, `<Enter>` and `<john@example.com>` stay text. */
const TAG =
  /<\/?(?:a|b|i|u|s|p|br|hr|em|strong|span|div|font|mark|small|big|sup|sub|del|ins|code|center|section|article|h[1-6]|li|ul|ol|table|thead|tbody|tr|td|th|img|blockquote|pre|label|figure|figcaption)(?:\s[^<>]{0,200})?\/?>/gi;

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
};

function entity(name: string): string | undefined {
  if (name[0] !== '#') return NAMED[name.toLowerCase()];
  const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import type { HtmlTokenizer } from '../../core/text/html.js';

const ignore = () => {};

/**
 * htmlparser2's tokenizer: HTML5 character references (all of them, with the standard's rules for
 * a missing semicolon), raw text in script and style, RCDATA in title and textarea. Its Parser is
 * not used: it keeps open elements in an array it grows at the front, which is quadratic on deeply
 * nested junk, and the article reader needs no tree. Imported only for HTML input.
 */
export const tokenizeHtml: HtmlTokenizer = (html, tokens) => {
  const name = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const callbacks: TokenizerCallbacks = {
    onopentagname: (start, end) => tokens.open(name(start, end)),
    onclosetag: (start, end) => tokens.close(name(start, end)),
    ontext: (start, end) => tokens.text(html.slice(start, end)),
    ontextentity: (codePoint) => tokens.text(String.fromCodePoint(codePoint)),
    onopentagend: ignore,
    onselfclosingtag: ignore,
    onattribname: ignore,
    onattribdata: ignore,
    onattribentity: ignore,
    onattribend: ignore,
    oncdata: ignore,
    oncomment: ignore,
    ondeclaration: ignore,
    onprocessinginstruction: ignore,
    onend: ignore,
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
};

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
  // The tokenizer reports text piece by piece around each character reference; one call a run is
  // enough, and far cheaper on a page of `&amp;`.
  const pieces: string[] = [];
  const flush = () => {
    if (pieces.length > 0) tokens.text(pieces.join(''));
    pieces.length = 0;
  };
  const add = (piece: string) => {
    // A join of millions of pieces costs V8 hundreds of MB: a long run goes out a few thousand at a time.
    if (pieces.push(piece) >= 4096) flush();
  };
  const name = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const callbacks: TokenizerCallbacks = {
    onopentagname: (start, end) => {
      flush();
      tokens.open(name(start, end));
    },
    onclosetag: (start, end) => {
      flush();
      tokens.close(name(start, end));
    },
    ontext: (start, end) => add(html.slice(start, end)),
    ontextentity: (codePoint) => add(String.fromCodePoint(codePoint)),
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
    onend: flush,
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
};

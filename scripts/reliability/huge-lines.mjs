// Files that are one enormous line, just under the import size cap: the shapes an attacker (or a
// text pasted from a page without line breaks) gives. Shared by the bad-input section of
// `npm run reliability` and tests/regressions/huge-one-line-file.test.ts. Made-up sentences only.
import { closeSync, openSync, writeSync } from 'node:fs';

/** 19.9 MB: under the 20 MB cap (MAX_ARTICLE_BYTES), so the file is read and analysed. */
export const HUGE_LINE_BYTES = Math.floor(19.9 * 1024 * 1024);

const ZH = ['小船在傍晚回到了港口。', '她每天早上七点给花浇水。', '这座桥修了整整三年。', '你明天还来图书馆吗？'];
const EN = ['The little boat came back to the harbour in the evening.', 'She waters the flowers at seven every morning.', 'It took three whole years to build this bridge.', 'Will you come to the library again tomorrow?'];

/**
 * `mixed`: a Chinese sentence, then its English, over and over; `halves`: all the Chinese, then all
 * the English (a whole bilingual book on one line); `zh`, `en`: one script alone; `no-spaces`: the
 * halves with no space anywhere.
 */
export const HUGE_LINE_SHAPES = ['mixed', 'halves', 'zh', 'en', 'no-spaces'];

/** Writes one line of `shape`, `bytes` bytes or a little less, to `file`, in half-megabyte writes. */
export function writeHugeLine(file, shape, bytes = HUGE_LINE_BYTES) {
  if (!HUGE_LINE_SHAPES.includes(shape)) throw new Error(`unknown huge-line shape ${shape}`);
  const fd = openSync(file, 'w');
  let size = 0;
  let chunk = [];
  const put = (text) => {
    chunk.push(text);
    size += Buffer.byteLength(text);
    if (chunk.length >= 10_000) flush();
  };
  const flush = () => {
    writeSync(fd, chunk.join(''));
    chunk = [];
  };
  // The longest piece is under 200 bytes: stop while it still fits, leaving room for the newline.
  const full = (limit) => size + 200 >= limit;
  try {
    if (shape === 'halves' || shape === 'no-spaces') {
      for (let i = 0; !full(bytes / 2); i++) put(ZH[i % 4]);
      if (shape === 'halves') put(' ');
      for (let i = 0; !full(bytes); i++) put(shape === 'halves' ? `${EN[i % 4]} ` : EN[i % 4].replaceAll(' ', ''));
    } else {
      for (let i = 0; !full(bytes); i++) put(shape === 'zh' ? ZH[i % 4] : shape === 'en' ? `${EN[i % 4]} ` : `${ZH[i % 4]} ${EN[i % 4]} `);
    }
    put('\n');
    flush();
  } finally {
    closeSync(fd);
  }
}

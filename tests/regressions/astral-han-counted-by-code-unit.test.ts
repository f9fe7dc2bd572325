// Issue #12: Han characters outside the BMP (𩽾𩾌, 𩸽: fish names; rarer characters in names and places)
// are two UTF-16 code units. The aligner's features walked code units, so each such character
// counted as two "other" characters and no Han, while countScripts counted it as one Han: the length
// model saw a different sentence from the rest of the importer. HTML text joined across a line break
// after such a character got a space in the middle of the Chinese, since the line's last code unit
// (a low surrogate) is not Chinese.
// Fix: every Han/CJK test walks code points (src/core/text/script.ts).
import { describe, expect, it } from 'vitest';
import { tokenizeHtml } from '../../src/commands/import/html-tokenizer.js';
import { chineseFeatures } from '../../src/core/article/bead/features.js';
import { htmlToText } from '../../src/core/text/html.js';
import { countScripts } from '../../src/core/text/script.js';

const SENTENCE = '渔夫把𩽾𩾌和𩸽都卖完了。';

describe('Han characters outside the BMP', () => {
  it('count as one Han character each in the aligner, as everywhere else', () => {
    const features = chineseFeatures(SENTENCE);
    expect(features.han).toBe(11);
    expect(features.other).toBe(0);
    expect(features.han).toBe(countScripts(SENTENCE).han);
  });

  it('join an HTML line break without a space, as other Chinese characters do', () => {
    expect(htmlToText('<p>渔夫把𩽾𩾌\n和𩸽都卖完了。</p>', tokenizeHtml).text).toBe(SENTENCE);
  });
});

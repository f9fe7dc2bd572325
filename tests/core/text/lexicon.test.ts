import { describe, expect, it } from 'vitest';
import { parseLexicon } from '../../../src/core/text/lexicon.js';

const TEXT = ['# test lexicon', '公园\tpark', '花\tflower blossom', '花园\tgarden', '跑步\trun running', ''].join('\n');

describe('parseLexicon', () => {
  it('finds headwords in the sorted index and stems their words', () => {
    const lexicon = parseLexicon(TEXT);
    expect(lexicon.glosses('花园')).toEqual(['garden']);
    expect(lexicon.glosses('花')).toEqual(['flower', 'blossom']);
    expect(lexicon.glosses('跑步')).toEqual(['run']);
    expect(lexicon.glosses('天空')).toBeUndefined();
    expect(lexicon.glosses('#')).toBeUndefined();
  });

  it('tolerates CRLF and garbage without throwing', () => {
    expect(parseLexicon(TEXT.replace(/\n/g, '\r\n')).glosses('公园')).toEqual(['park']);
    expect(parseLexicon('no tabs here\nat all').glosses('公园')).toBeUndefined();
    expect(parseLexicon('').glosses('公园')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { splitEnglish } from '../../../src/core/text/sentence-en.js';

const texts = (s: string) => splitEnglish(s).map((x) => x.text);

describe('splitEnglish', () => {
  it('splits plain sentences', () => {
    expect(texts('It was late. We went home! Did you see it? Yes.')).toEqual([
      'It was late.',
      'We went home!',
      'Did you see it?',
      'Yes.',
    ]);
  });

  it('does not split after titles, initials, e.g., a.m. or No. before a number', () => {
    expect(texts('Dr. Smith met Mr. J. K. Brown at 9 a.m. on Monday. They used e.g. maps and No. 5 bus.')).toEqual([
      'Dr. Smith met Mr. J. K. Brown at 9 a.m. on Monday.',
      'They used e.g. maps and No. 5 bus.',
    ]);
  });

  it('keeps decimals and splits after U.S. when a sentence clearly starts', () => {
    expect(texts('Prices rose 2.5 percent in the U.S. The rest of the world saw less.')).toEqual([
      'Prices rose 2.5 percent in the U.S.',
      'The rest of the world saw less.',
    ]);
    expect(texts('She moved to the U.S. Army base.')).toEqual(['She moved to the U.S. Army base.']);
  });

  it('keeps closing quotes with the sentence and quoted speech whole', () => {
    expect(texts('He said, "Stop here. Wait for me." Then he left.')).toEqual([
      'He said, "Stop here. Wait for me."',
      'Then he left.',
    ]);
    expect(texts('“It is late.” She nodded.')).toEqual(['“It is late.”', 'She nodded.']);
  });

  it('keeps single-quoted speech whole but leaves apostrophes alone', () => {
    expect(texts("He said, 'Stop here. Wait for me.' Then he left.")).toEqual(["He said, 'Stop here. Wait for me.'", 'Then he left.']);
    expect(texts('‘It is late.’ She nodded.')).toEqual(['‘It is late.’', 'She nodded.']);
    expect(texts("We don't know. The students' books are here. It's fine.")).toEqual([
      "We don't know.",
      "The students' books are here.",
      "It's fine.",
    ]);
    expect(texts("They love rock 'n' roll. So do I.")).toEqual(["They love rock 'n' roll.", 'So do I.']);
  });

  it('holds speech whose closing quote was lost at the end of the text, but not a long stretch', () => {
    expect(texts('He cried, "Help! Help!')).toEqual(['He cried, "Help! Help!']);
    const long = "She wrote 'Dear Tom. This letter has taken me a long time. I hope you are well. We miss you here.";
    expect(texts(long)).toHaveLength(4);
  });

  it('does not split before a lower-case word', () => {
    expect(texts('The film ran 2 hrs. and then ended.')).toEqual(['The film ran 2 hrs. and then ended.']);
  });
});

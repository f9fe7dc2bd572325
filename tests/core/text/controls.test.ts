import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasControls, stripControls } from '../../../src/core/text/controls.js';

const ANY_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe('stripControls', () => {
  it.each([
    ['OSC 52, BEL-terminated', 'a\x1b]52;c;cGF5bG9hZA==\x07b', 'ab'],
    ['OSC 8 link, ST-terminated', 'see \x1b]8;;https://x.example/\x1b\\here\x1b]8;;\x1b\\.', 'see here.'],
    ['CSI', '前\x1b[2J\x1b[31;1m后', '前后'],
    ['C1 CSI', 'a\x9b2Jb', 'ab'],
    ['DCS', 'a\x1bP1$qm\x1b\\b', 'ab'],
    ['two-byte escape', 'a\x1b(Bb\x1bcc', 'abc'],
    ['lone ESC before text', '\x1b[中', '[中'],
    ['unterminated OSC keeps its text', 'a\x1b]52;c;xyz', 'a]52;c;xyz'],
    ['bidi overrides and isolates', '\u202eevil\u202c \u2066x\u2069', 'evil x'],
    ['page and line breaks become newlines', 'a\fb\vc', 'a\nb\nc'],
    ['tab and newline stay', 'a\tb\nc', 'a\tb\nc'],
    ['BEL, BS, DEL, NUL', 'a\x07\x08\x7f\x00b', 'ab'],
  ])('%s', (_, text, expected) => {
    expect(stripControls(text)).toBe(expected);
  });

  it('leaves nothing a terminal would obey, in any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      const clean = stripControls(text);
      expect(ANY_CONTROL.test(clean)).toBe(false);
      expect(hasControls(clean)).toBe(false);
    }));
  });

  it('is linear on junk full of unterminated sequences', () => {
    const junk = '\x1b]'.repeat(200_000) + '\x1bP'.repeat(200_000) + '\x1b['.repeat(200_000);
    const start = performance.now();
    expect(hasControls(stripControls(junk))).toBe(false);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

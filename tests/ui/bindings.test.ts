import { describe, expect, test } from 'vitest';
import { MAX_TYPED, typingInput } from '../../src/ui/review/bindings.js';

describe('typingInput', () => {
  test('text adds, backspace takes back one character (a whole CJK or accented one), Ctrl+U clears', () => {
    expect(typingInput({ text: '春天' }, 'a')).toEqual({ typed: 'a春天' });
    expect(typingInput('backspace', 'a春天')).toEqual({ typed: 'a春' });
    expect(typingInput('backspace', 'café\u0301')).toEqual({ typed: 'caf' });
    expect(typingInput('backspace', '')).toEqual({ typed: '' });
    expect(typingInput('ctrl-u', 'abc')).toEqual({ typed: '' });
  });

  test('enter submits, Ctrl+C and Ctrl+D quit, other keys mean nothing', () => {
    expect(typingInput('enter', 'abc')).toEqual({ type: 'typed-answer', text: 'abc' });
    expect(typingInput('ctrl-c', 'abc')).toEqual({ type: 'quit' });
    expect(typingInput('ctrl-d', '')).toEqual({ type: 'quit' });
    expect(typingInput('resize', 'abc')).toBeNull();
    expect(typingInput('escape', 'abc')).toBeNull();
  });

  test('a paste keeps at most MAX_TYPED characters, never half a surrogate pair', () => {
    const result = typingInput({ text: '😀'.repeat(3 * MAX_TYPED) }, '') as { typed: string };
    expect(Array.from(result.typed)).toHaveLength(MAX_TYPED);
    expect(result.typed.endsWith('😀')).toBe(true);
  });
});

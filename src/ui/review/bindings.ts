import type { SessionEvent, SessionState } from '../../core/srs/session.js';
import type { Input, KeyName } from '../keys.js';
import { clusters } from '../width.js';

/** Whether the screen is waiting for a typed answer (`--type`, answer not shown yet). */
export function typingAnswer(state: SessionState): boolean {
  return state.config.typeAnswers && state.showing !== null && !state.showing.revealed;
}

/**
 * What a key means on the review screen; null for keys that only redraw (resize) or mean nothing
 * here. With `--type`, the answer is typed, so space and enter do not reveal.
 */
export function eventForKey(key: KeyName, state: SessionState): SessionEvent | null {
  switch (key) {
    case 'space':
    case 'enter':
      if (typingAnswer(state)) return null;
      return { type: 'show-answer' };
    case '1':
    case '2':
    case '3':
    case '4':
      return { type: 'grade', grade: Number(key) as 1 | 2 | 3 | 4 };
    case 'u':
      return { type: 'undo' };
    case 's':
      return { type: 'suspend' };
    case 'b':
      return { type: 'bury' };
    case 'p':
      return { type: 'toggle-pinyin' };
    case 'v':
      return { type: 'speak' };
    case 'q':
    case 'ctrl-c':
    case 'ctrl-d':
      return { type: 'quit' };
    case 'ctrl-z':
    case 'ctrl-u':
    case 'backspace':
    case 'escape':
    case 'resize':
      return null;
  }
}

/**
 * An answer is a sentence at most: what is typed or pasted beyond this is dropped, so a stray
 * paste cannot make the comparison (edit distance) or the screen slow.
 */
export const MAX_TYPED = 1000;

/**
 * While an answer is typed: text and the line-editing keys change it (`typed`), enter submits it,
 * Ctrl+C or Ctrl+D quit; null for what only redraws or means nothing here.
 */
export function typingInput(input: Input, typed: string): { typed: string } | SessionEvent | null {
  if (typeof input !== 'string') return { typed: Array.from((typed + input.text).slice(0, 2 * MAX_TYPED)).slice(0, MAX_TYPED).join('') };
  switch (input) {
    case 'backspace': {
      const last = [...clusters(typed)].at(-1);
      return { typed: last ? typed.slice(0, last.index) : typed };
    }
    case 'ctrl-u':
      return { typed: '' };
    case 'enter':
      return { type: 'typed-answer', text: typed };
    case 'ctrl-c':
    case 'ctrl-d':
      return { type: 'quit' };
    default:
      return null;
  }
}

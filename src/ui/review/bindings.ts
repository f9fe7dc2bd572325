import type { SessionEvent, SessionState } from '../../core/srs/session.js';
import type { KeyName } from '../keys.js';

/**
 * What a key means on the review screen; null for keys that only redraw (resize) or mean nothing
 * here. With `--type`, the answer is typed in a prompt, so space and enter do not reveal.
 */
export function eventForKey(key: KeyName, state: SessionState): SessionEvent | null {
  switch (key) {
    case 'space':
    case 'enter':
      if (state.config.typeAnswers && state.showing && !state.showing.revealed) return null;
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
    case 'q':
    case 'ctrl-c':
    case 'ctrl-d':
      return { type: 'quit' };
    case 'escape':
    case 'resize':
      return null;
  }
}

import { CONTROL_CHARS, hasControls } from '../core/text/controls.js';

/**
 * The escape sequences a write may carry: only those parley itself emits. Everything else that a
 * terminal would obey — any other control character, escape sequence or bidi control, whether it
 * came from an article, a deck file edited by hand or an argument — is shown instead, as `\uXXXX`.
 * That form is also a JSON string escape, so `--json` output stays valid JSON with the same value.
 */
export const SEQUENCES = {
  /** Nothing: errors, help, JSON, and any output without colour. */
  none: undefined,
  /** Colour and weight (SGR), as chalk writes them. */
  styled: /\x1b\[[0-9;]*m/y,
  /** The review screen's own: SGR, home, erase, alternate screen, cursor on and off, carriage return. */
  screen: /\x1b\[[0-9;]*m|\x1b\[(?:H|K|J|\?1049[hl]|\?25[hl])|\r/y,
} as const satisfies Record<string, RegExp | undefined>;

export type Sequences = (typeof SEQUENCES)[keyof typeof SEQUENCES];

// Global, so stateful: terminalSafe walks it with lastIndex.
const CONTROLS = new RegExp(`[${CONTROL_CHARS}]`, 'g');

const shown = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Data as a terminal should show it: every control character as visible `\uXXXX` text. */
export function visible(text: string): string {
  return hasControls(text) ? text.replace(CONTROLS, shown) : text;
}

/** `text` with only the `allowed` sequences left to act; every other control character made visible. */
export function terminalSafe(text: string, allowed: Sequences): string {
  if (!hasControls(text)) return text;
  if (!allowed) return visible(text);
  let out = '';
  let from = 0;
  CONTROLS.lastIndex = 0;
  for (let match = CONTROLS.exec(text); match; match = CONTROLS.exec(text)) {
    allowed.lastIndex = match.index;
    const own = allowed.exec(text);
    out += text.slice(from, match.index) + (own ? own[0] : shown(match[0]));
    from = CONTROLS.lastIndex = match.index + (own ? own[0].length : 1);
  }
  return out + text.slice(from);
}

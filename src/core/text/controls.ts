/**
 * Characters a terminal obeys instead of showing: C0 controls but tab and newline, DEL, the C1
 * range (0x9b alone starts a CSI sequence on many terminals), and the bidi embeddings, overrides
 * and isolates, which reorder how the text around them reads. No article needs any of them; each
 * one in text that reaches a terminal can clear the screen, hide a link, write the clipboard
 * (OSC 52) or make a sentence read backwards.
 */
export const CONTROL_CHARS = '\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069';

const CONTROL = new RegExp(`[${CONTROL_CHARS}]`);
const CONTROLS = new RegExp(`[${CONTROL_CHARS}]`, 'g');

/**
 * A whole escape sequence, so none of its parameters is left behind as text: CSI (`ESC [` or
 * 0x9b) up to its final byte; OSC, DCS, SOS, PM and APC strings up to BEL or ST; two-byte escapes
 * (any other final byte). An introducer without its end loses only the ESC.
 * Each alternative stops at the next ESC, so the scan stays linear on junk.
 */
const SEQUENCES = /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)|\x1b[ -/]*[\x30-\x4f\x51-\x57\x59\x5a\x5c\x60-\x7e]/g;

export function hasControls(text: string): boolean {
  return CONTROL.test(text);
}

/**
 * Text as an article should hold it: escape sequences removed whole, any other control character
 * dropped; a form feed or vertical tab (a page or line break in old documents) becomes a newline.
 */
export function stripControls(text: string): string {
  if (!CONTROL.test(text)) return text;
  return text.replace(SEQUENCES, '').replace(/[\f\v]/g, '\n').replace(CONTROLS, '');
}

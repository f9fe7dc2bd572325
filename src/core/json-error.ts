/** Line (1-based) of a character offset, for messages that point into a file. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Characters V8 quotes on each side of an unexpected token (its kMaxContextCharacters). */
const CONTEXT = 10;

/**
 * Where JSON.parse stopped, from its message. Most messages say "at position N" (newer Node adds
 * "line L column C"), but Node 20's unexpected-token message quotes the text around the token
 * instead: all of a short text, `"start"...` (the token CONTEXT characters before its end),
 * `..."end"` (the token CONTEXT characters after its start) or `..."middle"...` (the same, found in
 * the text). A file cut short ends where its text does.
 */
function jsonErrorOffset(message: string, text: string): number {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) {
    const lines = text.split('\n').slice(0, Number(lineCol[1]) - 1);
    return lines.reduce((n, l) => n + l.length + 1, 0) + Number(lineCol[2]) - 1;
  }
  const quoted = /^Unexpected token '(.+?)', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (quoted) {
    const [, token, before, snippet, after] = quoted as unknown as [string, string, string | undefined, string, string | undefined];
    if (!before && !after) return text.indexOf(token);
    if (!before) return snippet.length - CONTEXT;
    if (!after) return text.length - snippet.length + CONTEXT;
    // JSON.parse stops at the first mistake, so the first place the quoted text fits is the one.
    for (let at = text.indexOf(snippet); at >= 0; at = text.indexOf(snippet, at + 1)) {
      if (text.startsWith(token, at + CONTEXT)) return at + CONTEXT;
    }
  }
  return text.length;
}

/** The line JSON.parse's error points at. */
export function jsonErrorLine(error: unknown, text: string): number {
  const offset = jsonErrorOffset(String((error as Error)?.message ?? ''), text);
  // Past the last character (a file cut short): the last line that has any, not the blank after it.
  const last = text.trimEnd().length - 1;
  return lineAt(text, Math.max(0, Math.min(offset, last)));
}

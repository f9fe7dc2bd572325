/**
 * The terminal while a session runs: the alternate screen, no cursor, and each frame drawn over
 * the last. Restored on every way out, so a crash never leaves the shell in raw mode or hidden.
 */
export interface Screen {
  draw(frame: string): void;
  close(): void;
  size(): { columns: number; rows: number };
}

export function openScreen(out: NodeJS.WriteStream): Screen {
  let open = true;
  out.write('\x1b[?1049h\x1b[?25l');
  const restore = () => {
    if (!open) return;
    open = false;
    out.write('\x1b[?25h\x1b[?1049l');
  };
  process.once('exit', restore);
  return {
    size: () => ({ columns: out.columns || 80, rows: out.rows || 24 }),
    draw(frame) {
      // Raw mode does not turn \n into \r\n; each line also clears what a longer frame left behind.
      out.write(`\x1b[H${frame.split('\n').join('\x1b[K\r\n')}\x1b[K\x1b[J`);
    },
    close() {
      restore();
      process.off('exit', restore);
    },
  };
}

import type { IO } from '../io.js';

/**
 * The terminal while a session runs: the alternate screen, no cursor, and each frame drawn over
 * the last. Restored on every way out, so a crash never leaves the shell in raw mode or hidden.
 * On a dumb terminal (TERM=dumb), which obeys no escape sequence, frames are plain text instead,
 * each printed below the last.
 */
export interface Screen {
  draw(frame: string): void;
  /** Hands the terminal back for a while (Ctrl+Z), and takes it again. */
  leave(): void;
  enter(): void;
  close(): void;
  size(): { columns: number; rows: number };
}

// Frames go through the IO's one writer, which lets only the screen's own sequences (and colour) act.
export function openScreen(io: IO, dumb: boolean): Screen {
  return dumb ? scrollingScreen(io) : fullScreen(io);
}

function fullScreen(io: IO): Screen {
  const out = io.stdout;
  const write = io.draw;
  let open = true;
  let away = false;
  const enter = () => {
    away = false;
    write('\x1b[?1049h\x1b[?25l');
  };
  const leave = () => {
    if (away) return;
    away = true;
    write('\x1b[?25h\x1b[?1049l');
  };
  const restore = () => {
    if (!open) return;
    open = false;
    leave();
    process.off('SIGCONT', enter);
  };
  enter();
  process.once('exit', restore);
  // Continued after a stop parley did not ask for (or a shell that redrew meanwhile): take the screen again.
  process.on('SIGCONT', enter);
  return {
    size: () => ({ columns: out.columns || 80, rows: out.rows || 24 }),
    draw(frame) {
      // Each line also clears what a longer frame left behind.
      write(`\x1b[H${frame.split('\n').join('\x1b[K\r\n')}\x1b[K\x1b[J`);
    },
    leave,
    enter,
    close() {
      restore();
      process.off('exit', restore);
    },
  };
}

function scrollingScreen(io: IO): Screen {
  const out = io.stdout;
  const write = io.draw;
  let last: string | undefined;
  return {
    size: () => ({ columns: out.columns || 80, rows: Infinity }),
    draw(frame) {
      // A redraw of the same frame (a resize, a key that changed nothing) would only repeat it.
      if (frame === last) return;
      write(`${last === undefined ? '' : '\n\n'}${frame}`);
      last = frame;
    },
    leave() {},
    enter() {},
    close() {
      if (last !== undefined) write('\n');
    },
  };
}

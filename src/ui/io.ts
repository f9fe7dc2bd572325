/** The streams a command talks through, and whether colour and animation are wanted. */
export interface IO {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Colour on: a terminal, no NO_COLOR, no --no-color (FORCE_COLOR wins over a pipe). */
  color: boolean;
  /** Interactive extras (progress bars, spinners) only when stderr is a terminal. */
  interactive: boolean;
  out(text: string): void;
  err(text: string): void;
}

export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, flag: boolean): boolean {
  if (!flag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export function processIO(env: NodeJS.ProcessEnv, colorFlag: boolean): IO {
  const { stdout, stderr } = process;
  return {
    // Touching process.stdin opens it (a tty or pipe handle): only commands that read input pay.
    get stdin() {
      return process.stdin;
    },
    stdout,
    stderr,
    color: wantsColor(stdout, env, colorFlag),
    interactive: stderr.isTTY === true && env.TERM !== 'dumb',
    out: (text) => void stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => void stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
}

/**
 * A problem with the user's input or data. The CLI prints it as one line
 * `parley: <what> — <todo>` and exits with `exitCode`; anything else is a bug.
 */
export class UserError extends Error {
  readonly todo: string;
  readonly exitCode: 1 | 2;

  constructor(what: string, todo: string, exitCode: 1 | 2 = 1) {
    super(what);
    this.name = 'UserError';
    this.todo = todo;
    this.exitCode = exitCode;
  }
}

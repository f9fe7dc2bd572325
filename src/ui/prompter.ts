import { visible } from './escape.js';
import type { IO } from './io.js';

/** The questions a command asks its user. */
export interface Prompter {
  /** A yes or no; `default` is what Enter answers. */
  confirm(question: { message: string; default: boolean }): Promise<boolean>;
}

/**
 * Questions on the terminal, through @inquirer/prompts: the one module that imports it, and only
 * when a question is asked, so no other command pays for loading it. The prompt writes to the
 * terminal itself, past parley's writer, so a message (which may quote a deck's name) is shown,
 * never obeyed.
 */
export function terminalPrompter(io: IO): Prompter {
  return {
    async confirm({ message, default: answer }) {
      const { confirm } = await import('@inquirer/prompts');
      return confirm({ message: visible(message), default: answer }, { input: io.stdin, output: io.stdout });
    },
  };
}

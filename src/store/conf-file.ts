import { UserError } from '../core/errors.js';

/**
 * conf throws a SyntaxError for a file that is not JSON and "Config schema violation" for one that
 * is JSON but wrong; both mean the user's file is damaged, and clearInvalidConfig is off so conf
 * never replaces it. This turns them into one line naming the file.
 */
export function openConf<T>(path: string, open: () => T): T {
  try {
    return open();
  } catch (error) {
    const message = (error as Error).message ?? '';
    if ((error as Error).name === 'SyntaxError' || message.startsWith('Config schema violation')) {
      const what = (error as Error).name === 'SyntaxError' ? 'is not valid JSON' : `has a wrong value (${message.replace(/^Config schema violation: /, '')})`;
      throw new UserError(`${path} ${what}`, 'fix it by hand or move it away; parley will not overwrite it');
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new UserError(`cannot read or write ${path} (${code})`, 'check the permissions of your parley home');
    }
    throw error;
  }
}

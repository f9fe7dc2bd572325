/**
 * File-system errors in words, for one-line messages: what the code means, what parley was doing,
 * and the path — shortened when it is long enough to bury the message.
 */

/** Longest path a one-line message prints whole; longer ones keep their start and end. */
const MAX_SHOWN = 120;

/** A path as a one-line message shows it: a 5000-character one would bury the message. */
export function shownPath(path: string): string {
  if (path.length <= MAX_SHOWN) return path;
  return `${path.slice(0, 60)}…${path.slice(-40)} (${path.length} characters)`;
}

/** Each file-system error code a user's machine (not parley) causes, in words. */
const SYSTEM_CODES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a file is where a directory should be',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  // A file system that takes no new entries (/proc) says ENOENT too.
  ENOENT: 'no such file or directory, or no new files allowed there',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'symbolic links loop (or nest too deep)',
  EINVAL: 'the file system refuses this name or operation',
  ENXIO: 'no such device (a socket, or a pipe with no reader)',
};

/** What parley was doing, in words, for each system call a file-system error can name. */
const SYSCALL_VERBS: Record<string, string> = {
  open: 'open', read: 'read', write: 'write', close: 'close', fsync: 'flush', mkdir: 'create directory',
  rename: 'rename', unlink: 'remove', rmdir: 'remove directory', rm: 'remove', link: 'link', symlink: 'link',
  stat: 'look at', lstat: 'look at', fstat: 'look at', scandir: 'list', opendir: 'list', realpath: 'resolve',
  access: 'access', copyfile: 'copy', ftruncate: 'truncate', chmod: 'change permissions of',
};

/** A file-system error the user's machine caused, as one line; undefined for anything else. */
export function systemProblem(error: unknown): string | undefined {
  const e = error as NodeJS.ErrnoException | undefined;
  const what = e?.code ? SYSTEM_CODES[e.code] : undefined;
  if (!what) return undefined;
  const verb = (e!.syscall && SYSCALL_VERBS[e!.syscall]) ?? 'use';
  return `cannot ${verb} ${e!.path ? shownPath(e!.path) : 'a file'}: ${what} (${e!.code})`;
}

/** A file-system error code in words, or undefined for one that is not the machine's doing. */
export function systemCodeText(code: string | undefined): string | undefined {
  return code ? SYSTEM_CODES[code] : undefined;
}

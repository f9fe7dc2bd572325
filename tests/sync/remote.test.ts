import { describe, expect, it } from 'vitest';
import { refused, remoteAddress, shownRemote } from '../../src/store/sync-remote.js';

describe('a remote as parley prints it', () => {
  it('never shows the password or token an https URL carries', () => {
    expect(shownRemote('https://me:s3cret@git.example.org/me/parley.git')).toBe('https://git.example.org/me/parley.git');
    expect(shownRemote('https://ghp_token123@github.com/me/parley.git')).toBe('https://github.com/me/parley.git');
  });
  it('shows every other address as given', () => {
    for (const url of ['git@example.org:me/parley.git', 'ssh://git@example.org/me/parley.git', '/mnt/nas/parley.git', 'https://example.org/parley.git']) {
      expect(shownRemote(url)).toBe(url);
    }
  });
  it('takes a path as absolute and refuses what git could read as an option', () => {
    expect(remoteAddress('backup/parley.git', '/home/me')).toBe('/home/me/backup/parley.git');
    expect(() => remoteAddress('--upload-pack=touch /tmp/x', '/home/me')).toThrow(/is not a remote/);
  });
});

describe('a push the remote refused', () => {
  it('points at a stale ref lock when the remote could not lock or update the branch', () => {
    const talk = { url: '/mnt/nas/parley.git', timeoutMs: 1000 };
    expect(refused(talk, 'remote rejected (failed to update ref)').todo).toMatch(/refs\/heads\/\*\.lock/);
    expect(refused(talk, 'remote rejected (pre-receive hook declined)').todo).toMatch(/accept pushes/);
  });
});

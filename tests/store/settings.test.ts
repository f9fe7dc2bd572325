import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSetting, SETTING_RANGES } from '../../src/core/settings.js';
import { SettingsFile } from '../../src/store/settings.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Whether a settings file holding `key: value` is read, and whether `config set key value` is taken. */
function accepted(key: string, value: number): { file: boolean; typed: boolean } {
  const dir = mkdtempSync(join(tmpdir(), 'parley-settings-'));
  dirs.push(dir);
  const path = join(dir, 'settings.json');
  writeFileSync(path, JSON.stringify({ [key]: value }));
  const taken = (read: () => unknown) => {
    try {
      read();
      return true;
    } catch {
      return false;
    }
  };
  return { file: taken(() => new SettingsFile(dir, path).all()), typed: taken(() => parseSetting(key, String(value))) };
}

describe('setting ranges', () => {
  it.each(Object.entries(SETTING_RANGES))('%s: the settings file and `config set` take the same range', (key, { min, max, whole }) => {
    const step = whole ? 1 : 0.01;
    expect(accepted(key, min)).toEqual({ file: true, typed: true });
    expect(accepted(key, max)).toEqual({ file: true, typed: true });
    expect(accepted(key, Number((max + step).toFixed(2)))).toEqual({ file: false, typed: false });
    if (min - step >= 0) expect(accepted(key, Number((min - step).toFixed(2)))).toEqual({ file: false, typed: false });
  });
});

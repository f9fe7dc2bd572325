import { DEFAULT_SETTINGS, type SettingKey, type Settings } from '../core/settings.js';
import { loadConf, readConfFile, updateConf, type ConfOptions } from './conf-file.js';
import type { Schema } from './schema.js';

/** Bumped when the settings file's shape changes; conf runs the migrations up to it. */
const SETTINGS_VERSION = '1.0.0';

const properties = {
  desiredRetention: { type: 'number', minimum: 0.7, maximum: 0.99 },
  newPerDay: { type: 'integer', minimum: 0, maximum: 9999 },
  reviewsPerDay: { type: 'integer', minimum: 0, maximum: 99999 },
  dayStartsAt: { type: 'integer', minimum: 0, maximum: 23 },
  direction: { enum: ['zh-en', 'en-zh', 'both'] },
  showPinyin: { type: 'boolean' },
  maxIntervalDays: { type: 'integer', minimum: 1, maximum: 36500 },
  fsrsWeights: { type: 'array', items: { type: 'number' } },
} as const satisfies Record<string, Schema>;

const schema: Schema = { type: 'object', properties };

export type StoredSettings = Settings & { fsrsWeights?: number[] };

export class SettingsFile {
  readonly path: string;
  readonly #dir: string;

  constructor(dir: string, path: string) {
    this.#dir = dir;
    this.path = path;
  }

  all(): StoredSettings {
    const { __internal__: _, ...stored } = readConfFile(this.path, schema) ?? {};
    return { ...DEFAULT_SETTINGS, ...(stored as Partial<StoredSettings>) };
  }

  async set<K extends keyof StoredSettings>(key: K, value: StoredSettings[K]): Promise<void> {
    const options: ConfOptions<StoredSettings> = {
      cwd: this.#dir,
      configName: 'settings',
      projectVersion: SETTINGS_VERSION,
      schema: properties as never,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      migrations: {
        // Files written before settings were versioned may hold keys parley never read: drop them.
        '1.0.0': (store) => {
          for (const k of Object.keys(store.store)) if (!(k in properties)) store.delete(k as keyof StoredSettings);
        },
      },
    };
    updateConf(await loadConf(), this.path, schema, options, (conf) => conf.set(key, value));
  }
}

export type { SettingKey };

import Conf from 'conf';
import { DEFAULT_SETTINGS, type SettingKey, type Settings } from '../core/settings.js';
import { openConf } from './conf-file.js';

/** Bumped when the settings file's shape changes; conf runs the migrations up to it. */
const SETTINGS_VERSION = '1.0.0';

const schema = {
  desiredRetention: { type: 'number', minimum: 0.7, maximum: 0.99 },
  newPerDay: { type: 'integer', minimum: 0, maximum: 9999 },
  reviewsPerDay: { type: 'integer', minimum: 0, maximum: 99999 },
  dayStartsAt: { type: 'integer', minimum: 0, maximum: 23 },
  direction: { enum: ['zh-en', 'en-zh', 'both'] },
  showPinyin: { type: 'boolean' },
  maxIntervalDays: { type: 'integer', minimum: 1, maximum: 36500 },
  fsrsWeights: { type: 'array', items: { type: 'number' } },
} as const;

export type StoredSettings = Settings & { fsrsWeights?: number[] };

export class SettingsFile {
  readonly path: string;
  #conf: Conf<StoredSettings>;

  constructor(dir: string, path: string) {
    this.path = path;
    this.#conf = openConf(path, () => new Conf<StoredSettings>({
      cwd: dir,
      configName: 'settings',
      projectVersion: SETTINGS_VERSION,
      schema: schema as never,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      migrations: {
        // Settings before versioning could hold keys parley never used; drop them so the schema holds.
        '1.0.0': (store) => {
          for (const key of Object.keys(store.store)) {
            if (!(key in schema) && key !== '__internal__') store.delete(key as keyof StoredSettings);
          }
        },
      },
    }));
  }

  all(): StoredSettings {
    const stored = openConf(this.path, () => this.#conf.store);
    const { __internal__: _, ...values } = stored as StoredSettings & { __internal__?: unknown };
    return { ...DEFAULT_SETTINGS, ...values };
  }

  set<K extends SettingKey>(key: K, value: Settings[K]): void {
    openConf(this.path, () => this.#conf.set(key, value as StoredSettings[K]));
  }
}

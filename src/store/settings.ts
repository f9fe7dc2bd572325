import { UserError } from '../core/errors.js';
import { DEFAULT_SETTINGS, LEARNING, MAX_SUGGESTIONS, SETTING_RANGES, SPEECH_MODES, STUDY_DIRECTIONS, type SettingKey, type Settings } from '../core/settings.js';
import { schedulerWeights, weightsProblem } from '../core/srs/weights.js';
import { loadConf, readConfFile, updateConf, type ConfOptions } from './conf-file.js';
import { layout } from './home.js';
import { withLock } from './lock.js';
import type { Schema } from './schema.js';

/** Bumped when the settings file's shape changes; conf runs the migrations up to it. */
const SETTINGS_VERSION = '1.0.0';

/** The ranges are core's (SETTING_RANGES): a value `config set` accepts is one the file may hold. */
const ranged = (key: keyof typeof SETTING_RANGES): Schema => {
  const { min, max, whole } = SETTING_RANGES[key];
  return { type: whole ? 'integer' : 'number', minimum: min, maximum: max };
};

const properties: Readonly<Record<keyof StoredSettings, Schema>> = {
  desiredRetention: ranged('desiredRetention'),
  newPerDay: ranged('newPerDay'),
  reviewsPerDay: ranged('reviewsPerDay'),
  dayStartsAt: ranged('dayStartsAt'),
  direction: { enum: STUDY_DIRECTIONS },
  showPinyin: { type: 'boolean' },
  maxIntervalDays: ranged('maxIntervalDays'),
  speech: { enum: SPEECH_MODES },
  suggestPerArticle: { enum: ['auto', ...Array.from({ length: MAX_SUGGESTIONS + 1 }, (_, n) => n)] },
  learning: { enum: LEARNING },
  fsrsWeights: { type: 'array', items: { type: 'number' } },
};

const schema: Schema = { type: 'object', properties };

export type StoredSettings = Settings & { fsrsWeights?: number[] };

/** Only the keys parley knows, own keys only: `"__proto__" in properties` is true of every object. */
function known(stored: Record<string, unknown>): Partial<StoredSettings> {
  return Object.fromEntries(Object.entries(stored).filter(([key]) => Object.hasOwn(properties, key)));
}

export class SettingsFile {
  readonly path: string;
  readonly #dir: string;

  constructor(dir: string, path: string) {
    this.#dir = dir;
    this.path = path;
  }

  all(): StoredSettings {
    const stored = known(readConfFile(this.path, schema) ?? {});
    if (stored.fsrsWeights !== undefined) {
      const problem = weightsProblem(stored.fsrsWeights);
      if (problem) {
        throw new UserError(
          `${this.path}: ${problem}`,
          'remove "fsrsWeights" from that file to schedule with the FSRS defaults, then `parley optimize --apply` fits your own',
        );
      }
      stored.fsrsWeights = schedulerWeights(stored.fsrsWeights);
    }
    return { ...DEFAULT_SETTINGS, ...stored };
  }

  /**
   * conf rewrites the whole file, so the read, the change and the write happen under the home's
   * lock: two `parley config set` at once both keep their key.
   */
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
          for (const k of Object.keys(store.store)) if (!Object.hasOwn(properties, k)) store.delete(k as keyof StoredSettings);
        },
      },
    };
    const Conf = await loadConf();
    withLock(layout(this.#dir).lock, () => {
      // What the file holds is checked first: a change never carries damaged weights along.
      this.all();
      updateConf(Conf, this.path, schema, options, (conf) => conf.set(key, value));
    });
  }
}

export type { SettingKey };

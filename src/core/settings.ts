import { UserError } from './errors.js';

export const STUDY_DIRECTIONS = ['zh-en', 'en-zh', 'both'] as const;
export type StudyDirection = (typeof STUDY_DIRECTIONS)[number];

/** `auto` speaks each prompt as it appears (as `review --speak`); `off` speaks only on `v`. */
export const SPEECH_MODES = ['auto', 'off'] as const;
export type SpeechMode = (typeof SPEECH_MODES)[number];

/** How many words `import` suggests for an article with no vocabulary notes, unless told otherwise. */
export const AUTO_SUGGESTIONS = 8;
export const MAX_SUGGESTIONS = 50;
/** `auto`: AUTO_SUGGESTIONS for an article that marks no vocabulary, none for one that does. */
export type SuggestPerArticle = 'auto' | number;
/** The language the learner is learning: which side's words `import --suggest` suggests. */
export const LEARNING = ['zh', 'en'] as const;
export type Learning = (typeof LEARNING)[number];

export interface Settings {
  desiredRetention: number;
  newPerDay: number;
  reviewsPerDay: number;
  /** Local hour (0–23) at which a new learning day begins. */
  dayStartsAt: number;
  direction: StudyDirection;
  showPinyin: boolean;
  maxIntervalDays: number;
  speech: SpeechMode;
  suggestPerArticle: SuggestPerArticle;
  learning: Learning;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  desiredRetention: 0.9,
  newPerDay: 20,
  reviewsPerDay: 200,
  dayStartsAt: 4,
  direction: 'both',
  showPinyin: false,
  maxIntervalDays: 36500,
  speech: 'off',
  suggestPerArticle: 'auto',
  learning: 'zh',
};

export type SettingKey = keyof Settings;

type NumericKey = 'desiredRetention' | 'newPerDay' | 'reviewsPerDay' | 'dayStartsAt' | 'maxIntervalDays';

/**
 * Each number setting's range, the one place it is written: `config set` checks typed values
 * against it and the settings file's schema is built from it.
 */
export const SETTING_RANGES: Readonly<Record<NumericKey, { min: number; max: number; whole: boolean }>> = {
  desiredRetention: { min: 0.7, max: 0.99, whole: false },
  newPerDay: { min: 0, max: 9999, whole: true },
  reviewsPerDay: { min: 0, max: 99999, whole: true },
  dayStartsAt: { min: 0, max: 23, whole: true },
  maxIntervalDays: { min: 1, max: 36500, whole: true },
};

interface Rule {
  allowed: string;
  parse(raw: string): Settings[SettingKey] | undefined;
}

function integer(key: NumericKey): Rule {
  const { min, max } = SETTING_RANGES[key];
  return {
    allowed: `a whole number from ${min} to ${max}`,
    parse(raw) {
      if (!/^\s*\d+\s*$/.test(raw)) return undefined;
      const n = Number(raw);
      return n >= min && n <= max ? n : undefined;
    },
  };
}

const retention = SETTING_RANGES.desiredRetention;

export const SETTING_RULES: Readonly<Record<SettingKey, Rule>> = {
  desiredRetention: {
    allowed: `a number from ${retention.min.toFixed(2)} to ${retention.max.toFixed(2)}`,
    parse(raw) {
      if (!/^\s*(0(\.\d+)?|\.\d+|1(\.0*)?)\s*$/.test(raw)) return undefined;
      const n = Number(raw);
      return n >= retention.min && n <= retention.max ? n : undefined;
    },
  },
  newPerDay: integer('newPerDay'),
  reviewsPerDay: integer('reviewsPerDay'),
  dayStartsAt: integer('dayStartsAt'),
  direction: {
    allowed: 'zh-en, en-zh or both',
    parse: (raw) => STUDY_DIRECTIONS.find((d) => d === raw.trim()),
  },
  showPinyin: {
    allowed: 'true or false',
    parse: (raw) => ({ true: true, false: false, on: true, off: false, yes: true, no: false })[raw.trim().toLowerCase()],
  },
  maxIntervalDays: integer('maxIntervalDays'),
  speech: {
    allowed: 'auto or off',
    parse: (raw) => SPEECH_MODES.find((m) => m === raw.trim().toLowerCase()),
  },
  suggestPerArticle: {
    allowed: `auto (${AUTO_SUGGESTIONS} for an article with no vocabulary notes, else none) or a whole number from 0 to ${MAX_SUGGESTIONS}`,
    parse(raw) {
      if (raw.trim().toLowerCase() === 'auto') return 'auto';
      if (!/^\s*\d+\s*$/.test(raw)) return undefined;
      const n = Number(raw);
      return n <= MAX_SUGGESTIONS ? n : undefined;
    },
  },
  learning: {
    allowed: 'zh (learning Chinese) or en (learning English)',
    parse: (raw) => LEARNING.find((l) => l === raw.trim().toLowerCase()),
  },
};

/**
 * How many words to suggest for an article that marks `marked` vocabulary notes: `--suggest N`
 * when given, else the setting.
 */
export function suggestionCount(setting: SuggestPerArticle, marked: number, given?: number): number {
  if (given !== undefined) return given;
  if (setting !== 'auto') return setting;
  return marked === 0 ? AUTO_SUGGESTIONS : 0;
}

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTING_RULES, key);
}

/** Parses a value typed on the command line, or says what is allowed. */
export function parseSetting(key: string, raw: string): { key: SettingKey; value: Settings[SettingKey] } {
  if (!isSettingKey(key)) {
    throw new UserError(`unknown setting "${key}"`, `use one of: ${Object.keys(SETTING_RULES).join(', ')}`);
  }
  const rule = SETTING_RULES[key];
  const value = rule.parse(raw);
  if (value === undefined) {
    throw new UserError(`${key} cannot be "${raw}"`, `give ${rule.allowed}`);
  }
  return { key, value };
}

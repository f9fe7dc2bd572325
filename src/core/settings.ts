import { UserError } from './errors.js';

export type StudyDirection = 'zh-en' | 'en-zh' | 'both';

export interface Settings {
  desiredRetention: number;
  newPerDay: number;
  reviewsPerDay: number;
  /** Local hour (0–23) at which a new learning day begins. */
  dayStartsAt: number;
  direction: StudyDirection;
  showPinyin: boolean;
  maxIntervalDays: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  desiredRetention: 0.9,
  newPerDay: 20,
  reviewsPerDay: 200,
  dayStartsAt: 4,
  direction: 'both',
  showPinyin: false,
  maxIntervalDays: 36500,
};

export type SettingKey = keyof Settings;

interface Rule {
  allowed: string;
  parse(raw: string): Settings[SettingKey] | undefined;
}

function integer(min: number, max: number): Rule {
  return {
    allowed: `a whole number from ${min} to ${max}`,
    parse(raw) {
      if (!/^\s*\d+\s*$/.test(raw)) return undefined;
      const n = Number(raw);
      return n >= min && n <= max ? n : undefined;
    },
  };
}

export const SETTING_RULES: Readonly<Record<SettingKey, Rule>> = {
  desiredRetention: {
    allowed: 'a number from 0.70 to 0.99',
    parse(raw) {
      if (!/^\s*(0(\.\d+)?|\.\d+|1(\.0*)?)\s*$/.test(raw)) return undefined;
      const n = Number(raw);
      return n >= 0.7 && n <= 0.99 ? n : undefined;
    },
  },
  newPerDay: integer(0, 9999),
  reviewsPerDay: integer(0, 99999),
  dayStartsAt: integer(0, 23),
  direction: {
    allowed: 'zh-en, en-zh or both',
    parse: (raw) => (['zh-en', 'en-zh', 'both'] as const).find((d) => d === raw.trim()),
  },
  showPinyin: {
    allowed: 'true or false',
    parse: (raw) => ({ true: true, false: false, on: true, off: false, yes: true, no: false })[raw.trim().toLowerCase()],
  },
  maxIntervalDays: integer(1, 36500),
};

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

import { Chalk, type ChalkInstance } from 'chalk';

/** Colour with meaning: the same roles everywhere, and nothing at all when colour is off. */
export interface Theme {
  heading: ChalkInstance;
  dim: ChalkInstance;
  good: ChalkInstance;
  warn: ChalkInstance;
  bad: ChalkInstance;
  accent: ChalkInstance;
  zh: ChalkInstance;
  en: ChalkInstance;
}

export function makeTheme(color: boolean): Theme {
  const c = new Chalk({ level: color ? 2 : 0 });
  return {
    heading: c.bold,
    dim: c.dim,
    good: c.green,
    warn: c.yellow,
    bad: c.red,
    accent: c.cyan,
    zh: c.bold,
    en: c.white,
  };
}

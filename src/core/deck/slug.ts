import { UserError } from '../errors.js';
import { hasControls } from '../text/controls.js';
import { isHanScript } from '../text/script.js';

export type ToPinyin = (zh: string) => string | undefined;

/** A deck's file name: lowercase ASCII words joined by hyphens; Chinese names go through pinyin. */
export function slugify(name: string, toPinyin: ToPinyin): string {
  const latin = [...name].some((ch) => isHanScript(ch.codePointAt(0)!)) ? (toPinyin(name) ?? name) : name;
  return latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** Checks a deck name typed by the user and returns its slug. */
export function deckSlug(name: string, toPinyin: ToPinyin): string {
  if (/[/\\]/.test(name) || name === '.' || name === '..' || name.startsWith('.')) {
    throw new UserError(`deck name "${name}" looks like a path`, 'give a plain name such as "ai-safety"');
  }
  if (hasControls(name)) {
    throw new UserError(`deck name "${name}" holds a control character`, 'give a plain name such as "ai-safety" (with --deck when importing)');
  }
  const slug = slugify(name, toPinyin);
  if (!slug) {
    throw new UserError(`deck name "${name}" has no letters or digits`, 'give a name such as "ai-safety"');
  }
  return slug;
}

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

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Windows gives these names (with any extension) to devices, and a home may be synced to Windows.
const DEVICE_NAMES = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * Whether `name` can be a deck's file name: what `slugify` makes, and nothing a path could hide in.
 * Device names pass: a deck made before they were refused must stay usable (on Linux they are
 * plain files); only a new name is refused one (`deckSlug`).
 */
export function isSlug(name: string): boolean {
  return name.length <= 60 && SLUG.test(name);
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
  if (DEVICE_NAMES.test(slug)) {
    throw new UserError(`deck name "${name}" is a device name on Windows (${slug})`, `give another name, such as "${slug}-deck"`);
  }
  return slug;
}

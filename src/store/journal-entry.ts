import { isSlug } from '../core/deck/slug.js';
import type { JournalEntry } from '../core/srs/card-state.js';

// Checks each journal line as it is read. A line of the right shape but the wrong content (a due
// date "garbage", a rating "x") would otherwise reach the scheduler and the screen as NaN; tens of
// thousands of lines are read at start-up, so these are plain comparisons, no schema walk.

/**
 * An ISO-8601 instant with its fields in range. Every string it admits is one Date.parse reads (a
 * 31st of a short month rolls over; nothing gives NaN), so no Date.parse per field is needed: that
 * would cost more than the pattern, on three fields of every line.
 */
const INSTANT = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;

export const isInstant = (value: unknown): boolean => typeof value === 'string' && INSTANT.test(value);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const isName = (value: unknown) => typeof value === 'string' && value !== '';
const isOptionalNumber = (value: unknown) => value === undefined || Number.isFinite(value);

/** How a stored card state is wrong, with the field's path; undefined when it is a card state. */
export function cardStateProblem(value: unknown, at: string): string | undefined {
  if (!isRecord(value)) return `\`${at}\` must be a card state`;
  if (!isInstant(value.due)) return `\`${at}.due\` must be an ISO date`;
  if (!Number.isFinite(value.stability) || (value.stability as number) < 0) return `\`${at}.stability\` must be a number >= 0`;
  if (!Number.isFinite(value.difficulty)) return `\`${at}.difficulty\` must be a number`;
  if (!isCount(value.reps)) return `\`${at}.reps\` must be a whole number >= 0`;
  if (!isCount(value.lapses)) return `\`${at}.lapses\` must be a whole number >= 0`;
  if (value.state !== 0 && value.state !== 1 && value.state !== 2 && value.state !== 3) return `\`${at}.state\` must be one of 0, 1, 2, 3`;
  // Named, not looped over: a keyed read of each field costs this check more than all the rest.
  if (!isOptionalNumber(value.elapsed_days)) return `\`${at}.elapsed_days\` must be a number`;
  if (!isOptionalNumber(value.scheduled_days)) return `\`${at}.scheduled_days\` must be a number`;
  if (!isOptionalNumber(value.learning_steps)) return `\`${at}.learning_steps\` must be a number`;
  if (value.last_review !== undefined && !isInstant(value.last_review)) return `\`${at}.last_review\` must be an ISO date`;
  if (value.buriedUntil !== undefined && !isInstant(value.buriedUntil)) return `\`${at}.buriedUntil\` must be an ISO date`;
  if (value.suspended !== undefined && typeof value.suspended !== 'boolean') return `\`${at}.suspended\` must be true or false`;
  if (value.tags !== undefined && !(Array.isArray(value.tags) && value.tags.every((t) => typeof t === 'string'))) {
    return `\`${at}.tags\` must be a list of strings`;
  }
  return undefined;
}

const stateOrNull = (value: unknown, at: string) => (value === null ? undefined : cardStateProblem(value, at));

function renameProblem(value: Record<string, unknown>): string | undefined {
  if (typeof value.from !== 'string' || !isSlug(value.from)) return '`from` must be a deck name';
  if (value.from === value.deck) return '`from` and `deck` must be two decks';
  if (!isRecord(value.cards)) return '`cards` must be an object of card states';
  for (const [id, state] of Object.entries(value.cards)) {
    const problem = cardStateProblem(state, `cards.${id}`);
    if (problem) return problem;
  }
  return undefined;
}

/** How a parsed journal line fails to be an entry parley can replay; undefined when it is one. */
export function entryProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'not a JSON object';
  if (!isName(value.id)) return '`id` must be a non-empty string';
  if (typeof value.deck !== 'string' || !isSlug(value.deck)) return '`deck` must be a deck name';
  if (!isInstant(value.at)) return '`at` must be an ISO date';
  if (value.follows !== undefined && !isInstant(value.follows)) return '`follows` must be an ISO date';
  if (value.type === 'rename') return renameProblem(value);
  if (!isName(value.cardId)) return '`cardId` must be a non-empty string';
  switch (value.type) {
    case 'review':
      if (value.rating !== 1 && value.rating !== 2 && value.rating !== 3 && value.rating !== 4) return '`rating` must be 1, 2, 3 or 4';
      if (!Number.isFinite(value.durationMs) || (value.durationMs as number) < 0) return '`durationMs` must be a number >= 0';
      if (value.cram !== undefined && typeof value.cram !== 'boolean') return '`cram` must be true or false';
      return stateOrNull(value.before, 'before') ?? cardStateProblem(value.after, 'after');
    case 'suspend':
    case 'unsuspend':
    case 'bury':
      return stateOrNull(value.before, 'before') ?? cardStateProblem(value.after, 'after');
    case 'move':
      if (!isName(value.from)) return '`from` must be a non-empty string';
      return stateOrNull(value.before, 'before') ?? cardStateProblem(value.after, 'after');
    case 'undo':
      if (!isName(value.target)) return '`target` must be a non-empty string';
      return stateOrNull(value.before, 'before') ?? stateOrNull(value.restored, 'restored');
    default:
      return `unknown entry type ${JSON.stringify(value.type) ?? 'undefined'}`;
  }
}

/** The parsed line when it is a valid entry, else why not; `json` says whether it was JSON at all. */
export function parseEntry(text: string): { entry: JournalEntry } | { problem: string; json: boolean } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'not JSON', json: false };
  }
  const problem = entryProblem(value);
  return problem ? { problem, json: true } : { entry: value as JournalEntry };
}

import type { CardState } from '../core/srs/card-state.js';
import { damaged, readConfFile, updateConf, type ConfClass } from './conf-file.js';
import { atLineBoundary, JOURNAL_START, type JournalMark } from './journal.js';
import { cardStateProblem } from './journal-entry.js';
import type { Schema } from './schema.js';

/**
 * A deck's schedule snapshot: every card's state as of `watermark` in the journal. It is only a
 * cache of the journal, rewritten now and then; entries past the watermark are replayed on load.
 */
export interface ScheduleSnapshot {
  watermark: JournalMark;
  cards: Record<string, CardState>;
}

const SCHEDULE_VERSION = '1.0.0';

const properties = {
  watermark: {
    type: 'object',
    required: ['offset', 'line'],
    properties: { offset: { type: 'integer', minimum: 0 }, line: { type: 'integer', minimum: 1 } },
  },
  cards: {
    type: 'object',
    additionalProperties: {
      type: 'object',
      required: ['due', 'stability', 'difficulty', 'reps', 'lapses', 'state'],
      properties: {
        due: { type: 'string' },
        stability: { type: 'number' },
        difficulty: { type: 'number' },
        reps: { type: 'integer', minimum: 0 },
        lapses: { type: 'integer', minimum: 0 },
        state: { enum: [0, 1, 2, 3] },
      },
    },
  },
} as const satisfies Record<string, Schema>;

const schema: Schema = { type: 'object', properties };

export class ScheduleFile {
  readonly path: string;
  readonly #dir: string;
  readonly #slug: string;

  constructor(dir: string, slug: string) {
    this.#dir = dir;
    this.#slug = slug;
    this.path = `${dir}/${slug}.json`;
  }

  /**
   * The snapshot, or none (with `ignored` saying why) when its watermark cannot be a place in
   * `journal`: then it is not a snapshot of this journal, and since the journal is the truth and
   * the snapshot only a cache of it, the deck is replayed from the whole journal rather than
   * refused, and the journal is never blamed for the cache's fault.
   */
  read(journal: string): ScheduleSnapshot & { ignored?: string } {
    const stored = readConfFile(this.path, schema) as Partial<ScheduleSnapshot> | undefined;
    const watermark = stored?.watermark ?? JOURNAL_START;
    const cards = stored?.cards ?? {};
    for (const id in cards) {
      const problem = cardStateProblem(cards[id], `cards/${id}`);
      if (problem) throw damaged(this.path, `has a wrong value (${problem})`);
    }
    if (!atLineBoundary(journal, watermark)) {
      return {
        watermark: JOURNAL_START,
        cards: {},
        ignored: `ignored ${this.path}: its watermark (byte ${watermark.offset}, line ${watermark.line}) is not where a line of ${journal} starts; ` +
          'replayed the journal instead (the file is only a cache, rewritten at the next save)',
      };
    }
    return { watermark, cards };
  }

  write(Conf: ConfClass, snapshot: ScheduleSnapshot): void {
    updateConf<ScheduleSnapshot>(Conf, this.path, schema, {
      cwd: this.#dir,
      configName: this.#slug,
      projectVersion: SCHEDULE_VERSION,
      schema: properties as never,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      migrations: {},
    }, (conf) => conf.set({ watermark: snapshot.watermark, cards: snapshot.cards }));
  }
}

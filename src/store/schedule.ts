import type { CardState } from '../core/srs/card-state.js';
import { readConfFile, updateConf, type ConfClass } from './conf-file.js';
import { JOURNAL_START, type JournalMark } from './journal.js';
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

  read(): ScheduleSnapshot {
    const stored = readConfFile(this.path, schema) as Partial<ScheduleSnapshot> | undefined;
    return { watermark: stored?.watermark ?? JOURNAL_START, cards: stored?.cards ?? {} };
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

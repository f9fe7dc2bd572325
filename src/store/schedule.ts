import Conf from 'conf';
import type { CardState } from '../core/srs/card-state.js';
import { openConf } from './conf-file.js';
import { JOURNAL_START, type JournalMark } from './journal.js';

/**
 * A deck's schedule snapshot: every card's state as of `watermark` in the journal. It is only a
 * cache of the journal, rewritten now and then; entries past the watermark are replayed on load.
 */
export interface ScheduleSnapshot {
  watermark: JournalMark;
  cards: Record<string, CardState>;
}

const SCHEDULE_VERSION = '1.0.0';

const cardSchema = {
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
} as const;

const schema = {
  watermark: {
    type: 'object',
    required: ['offset', 'line'],
    properties: { offset: { type: 'integer', minimum: 0 }, line: { type: 'integer', minimum: 1 } },
  },
  cards: { type: 'object', additionalProperties: cardSchema },
} as const;

export class ScheduleFile {
  readonly path: string;
  #conf: Conf<ScheduleSnapshot>;

  constructor(dir: string, slug: string) {
    this.path = `${dir}/${slug}.json`;
    this.#conf = openConf(this.path, () => new Conf<ScheduleSnapshot>({
      cwd: dir,
      configName: slug,
      projectVersion: SCHEDULE_VERSION,
      schema: schema as never,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      migrations: {},
    }));
  }

  read(): ScheduleSnapshot {
    const stored = openConf(this.path, () => this.#conf.store);
    return { watermark: stored.watermark ?? JOURNAL_START, cards: stored.cards ?? {} };
  }

  write(snapshot: ScheduleSnapshot): void {
    openConf(this.path, () => this.#conf.set({ watermark: snapshot.watermark, cards: snapshot.cards }));
  }
}

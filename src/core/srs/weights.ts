import { CLAMP_PARAMETERS, clipParameters, FSRS5_DEFAULT_DECAY, W17_W18_Ceiling } from 'ts-fsrs';

/** As the scheduler runs FSRS (scheduler.ts): short-term steps on, one relearning step. */
const SHORT_TERM = true;
const RELEARNING_STEPS = 1;

/** What ts-fsrs 5 takes: the FSRS-4.5, FSRS-5 and FSRS-6 parameter sets. */
const LENGTHS: readonly number[] = [17, 19, 21];

/**
 * Why ts-fsrs would not use these weights as they are, or undefined when it would. Given anything
 * else it prints a warning and schedules with its defaults, or clips a value into its range, and
 * either way the user's weights are silently not the ones used.
 */
export function weightsProblem(weights: unknown): string | undefined {
  if (!Array.isArray(weights)) return 'fsrsWeights is not a list of numbers';
  if (!LENGTHS.includes(weights.length)) return `fsrsWeights has ${weights.length} numbers; FSRS takes 17, 19 or 21`;
  const ranges = CLAMP_PARAMETERS(W17_W18_Ceiling, SHORT_TERM);
  for (const [i, w] of weights.entries()) {
    if (typeof w !== 'number' || !Number.isFinite(w)) return `fsrsWeights[${i}] is not a finite number`;
    const [min, max] = ranges[i] as [number, number];
    if (w < min || w > max) return `fsrsWeights[${i}] is ${w}, outside FSRS's range ${min} to ${max}`;
  }
  return undefined;
}

/**
 * Checked weights as FSRS-6 uses them: 21 numbers, an older set converted as ts-fsrs converts it
 * (its migrateParameters), which would otherwise note the conversion on standard output at every
 * start, and which code reading the decay (w[20]) directly would not do at all.
 */
export function schedulerWeights(weights: readonly number[]): number[] {
  const w = clipParameters([...weights], RELEARNING_STEPS, SHORT_TERM);
  if (w.length === 19) return w.concat([0, FSRS5_DEFAULT_DECAY]);
  if (w.length === 17) {
    w[4] = +(w[5]! * 2 + w[4]!).toFixed(8);
    w[5] = +(Math.log(w[5]! * 3 + 1) / 3).toFixed(8);
    w[6] = +(w[6]! + 0.5).toFixed(8);
    return w.concat([0, 0, 0, FSRS5_DEFAULT_DECAY]);
  }
  return w;
}

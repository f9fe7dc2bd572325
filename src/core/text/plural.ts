/** `1 word`, `2 words`: a count and its noun, as the user reads it. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

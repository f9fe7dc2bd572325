import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempHome } from './cli.js';

/**
 * Three sentence pairs, in article order: a review of zh→en cards shows them in this order when the
 * deck is imported with `--suggest 0` (suggested vocabulary would come before the sentences using it).
 */
export const TEA_HOUSE = [
  { zh: '茶馆的门一早就开了，老板先把炉子上的水烧开。', en: 'The tea house opens its doors early, and the owner first brings the water on the stove to a boil.' },
  { zh: '几位退休的老师每天都坐在靠窗的那张桌子旁下棋。', en: 'A few retired teachers sit at the table by the window every day to play chess.' },
  { zh: '下雨的时候，客人们喜欢听雨点打在瓦片上的声音。', en: 'When it rains, the guests like to listen to the raindrops hitting the roof tiles.' },
];

/** The article a learner would save, written to a fresh folder: `parley import` makes the deck `tea-house`. */
export function teaHouseArticle(): string {
  const file = join(tempHome(), 'tea-house.txt');
  writeFileSync(file, ['河边的老茶馆', ...TEA_HOUSE.flatMap((p) => [p.zh, p.en])].join('\n\n') + '\n');
  return file;
}

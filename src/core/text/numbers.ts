/**
 * Numbers written out in words, as the value a translation keeps: 二十一 and "twenty-one" both
 * give "21", 一九六七 and 1967 both "1967". One is left out on both sides: 一 and "one" are
 * mostly articles and pronouns, not counts.
 */

const ZH_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000 };
const ZH_NUMERAL = /[零〇一二两三四五六七八九十百千万]+/g;

/** Values of the Chinese numerals in a text (2 and more), as decimal strings. */
export function chineseNumbers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(ZH_NUMERAL)) {
    const value = chineseNumeral(m[0]);
    if (value !== undefined && value >= 2) out.push(String(value));
  }
  return out;
}

function chineseNumeral(run: string): number | undefined {
  // 一九六七: digits read one by one, as years are.
  if (run.length >= 2 && [...run].every((c) => c in ZH_DIGIT)) return Number([...run].map((c) => ZH_DIGIT[c]).join(''));
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of run) {
    if (c in ZH_DIGIT) {
      if (digit !== undefined) return undefined;
      digit = ZH_DIGIT[c]!;
    } else if (c === '万') {
      total = (total + section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = undefined;
    } else {
      section += (digit ?? 1) * ZH_UNIT[c]!;
      digit = undefined;
    }
  }
  return total + section + (digit ?? 0);
}

const EN_SMALL: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, twelfth: 12,
  fifteenth: 15, twentieth: 20, hundredth: 100,
};
const EN_SCALE: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };
const EN_WORDS = /[a-z]+(?:[-\s]+[a-z]+)*/gi;

/** Values of the numbers written in English words in a text (2 and more), as decimal strings. */
export function englishNumbers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(EN_WORDS)) {
    let total = 0;
    let current = 0;
    let any = false;
    const flush = () => {
      const value = total + current;
      if (any && value >= 2) out.push(String(value));
      total = 0;
      current = 0;
      any = false;
    };
    for (const word of m[0].toLowerCase().split(/[-\s]+/)) {
      // "one" counts only inside a longer number (twenty-one), never alone.
      if (word in EN_SMALL || (word === 'one' && any)) {
        current += EN_SMALL[word] ?? 1;
        any = true;
      } else if (word in EN_SCALE && any) {
        const scale = EN_SCALE[word]!;
        if (scale === 100) current *= 100;
        else {
          total += current * scale;
          current = 0;
        }
      } else if (word === 'and' && any) continue;
      else flush();
    }
    flush();
  }
  return out;
}

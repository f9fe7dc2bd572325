import type { EnglishWord } from '../../../src/core/vocab/english-words.js';
import { wordIndexFrom, type WordIndex } from '../../../src/core/vocab/words.js';

/**
 * A small word index in the built index's line format (`word, count, pos, pinyin, senses…`), made
 * up for the tests: counts chosen so that the ambiguous cuts and the rarity order are decided by them.
 * A word without senses is one only jieba lists (a name, a phrase): the build leaves it out.
 */
const WORDS: Record<string, string> = {
  研究: '9000\tvn\tyán jiū\tresearch/to study; to investigate',
  研究生: '3000\tn\tyán jiū shēng\tgraduate student',
  生命: '8000\tn\tshēng mìng\tlife (as a living thing)',
  研: '200\tv\tyán\tto grind; to study',
  究: '100\tv\tjiū\tafter all',
  生: '20000\tv\tshēng\tto be born; to give birth',
  命: '5000\tn\tmìng\tlife; fate',
  的: '300000\tuj\tde\tof; ~\'s (possessive particle)',
  起源: '600\tn\tqǐ yuán\torigin/to originate',
  他: '200000\tr\ttā\the or him',
  在: '250000\tp\tzài\tto be located at/in; at',
  银行: '4000\tn\tyín háng\tbank',
  工作: '30000\tvn\tgōng zuò\tto work/job; work',
  行: '22000\tzg\tháng\trow; line/line of business\txíng\tto walk; to go/capable; competent/all right; OK!',
  行动: '6000\tv\txíng dòng\toperation; action/to move',
  王: '30000\tnr\t*wáng\tsurname Wang\twáng\tking or monarch',
  王芳: '3\tnr',
  北京: '34000\tns\t*běi jīng\tBeijing municipality',
  三: '40000\tm\tsān\tthree',
  本: '50000\tq\tběn\tclassifier for books',
  书: '20000\tn\tshū\tbook',
  买: '9000\tv\tmǎi\tto buy',
  了: '800000\tul\tle\t(completed action marker)',
  很: '90000\td\thěn\tvery',
  非常: '20000\td\tfēi cháng\tvery; extremely',
  渐渐: '900\td\tjiàn jiàn\tgradually',
  谨慎: '700\ta\tjǐn shèn\tcautious; prudent',
  投资: '5000\tvn\ttóu zī\tinvestment/to invest',
  投资人: '300\tn\ttóu zī rén\tinvestor',
  市场: '20000\tn\tshì chǎng\tmarketplace; market',
  波动: '800\tv\tbō dòng\tto undulate; to fluctuate/wave motion',
  风险: '4000\tn\tfēng xiǎn\trisk; hazard',
  评估: '1500\tv\tpíng gū\tto evaluate; to assess/assessment',
  对: '100000\tp\tduì\tright; correct/towards; at; for',
  变得: '4000\tv\tbiàn de\tto become',
  蝶: '150\tn\tdié\tbutterfly',
  笔: '3000\tn\tbǐ\tpen; pencil',
  交通拥堵: '20\tl',
  交通: '9000\tn\tjiāo tōng\ttraffic; transportation',
  拥堵: '400\tv\tyōng dǔ\tto be congested (of traffic)/congestion',
  见: '30000\tv\tjiàn\tsee 見|见[jian4]',
};

/** As the build writes them: counts and senses apart, and only words with senses (CC-CEDICT's). */
const listed = (w: string) => (Object.hasOwn(WORDS, w) && WORDS[w]!.split('\t').length > 2 ? WORDS[w]!.split('\t') : undefined);
const prefixes = new Set(Object.keys(WORDS).filter((w) => listed(w)).flatMap((w) => Array.from({ length: w.length - 2 }, (_, i) => w.slice(0, i + 2))));
export const WORD_INDEX: WordIndex = wordIndexFrom(
  (w) => listed(w)?.slice(0, 2).join('\t') ?? (prefixes.has(w) ? '-' : undefined),
  (w) => listed(w)?.slice(2).join('\t'),
  60_000_000,
  4,
);

/** Lemmas and counts of the English words the fixtures use (invented, in the order of real ones). */
const ENGLISH: Record<string, [string, number]> = {
  investors: ['investor', 800], investor: ['investor', 800], became: ['become', 90000], become: ['become', 90000],
  cautious: ['cautious', 300], market: ['market', 9000], markets: ['market', 9000], fluctuations: ['fluctuation', 40],
  fluctuation: ['fluctuation', 40], fluctuate: ['fluctuate', 30], fluctuates: ['fluctuate', 30], risk: ['risk', 3000],
  risks: ['risk', 3000], assess: ['assess', 150], assessed: ['assess', 150], works: ['work', 70000], work: ['work', 70000],
  bank: ['bank', 8000], research: ['research', 2000], origin: ['origin', 400], life: ['life', 60000], walked: ['walk', 20000],
  walk: ['walk', 20000], gradually: ['gradually', 200], wang: ['wang', 5], fang: ['fang', 50], bought: ['buy', 40000],
  buy: ['buy', 40000], three: ['three', 70000], books: ['book', 30000], book: ['book', 30000], traffic: ['traffic', 3000],
  congestion: ['congestion', 60], pen: ['pen', 4000], butterfly: ['butterfly', 600], butterflies: ['butterfly', 600],
  graduate: ['graduate', 900], student: ['student', 5000], action: ['action', 6000], row: ['row', 2000], line: ['line', 20000],
};

export const english = (form: string): EnglishWord | undefined => {
  const found = ENGLISH[form];
  return found && { lemma: found[0], count: found[1] };
};

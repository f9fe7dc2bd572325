// Decks shaped like imported articles, for the realistic bench home (learner-home.ts): paragraphs
// of sentence pairs, each followed by a vocabulary note whose term its sentences use, so vocabulary
// and sentences give each other away as they do in real decks. All text is template text written
// for parley; a seeded generator picks the pieces, so every run builds the same decks.
import { createHash } from 'node:crypto';
import { noteId } from '../../src/core/deck/id.js';
import { DECK_FORMAT, type Deck, type Note } from '../../src/core/deck/note.js';

/** mulberry32: a small seeded generator, so the home is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

interface Word {
  zh: string;
  en: string;
  pinyin: string;
}

const w = (zh: string, en: string, pinyin: string): Word => ({ zh, en, pinyin });

/** A vocabulary term is a modifier and a noun: 20 × 20 terms, more than a deck needs. */
const MODIFIERS: readonly Word[] = [
  w('城市', 'urban', 'chéng shì'), w('公共', 'public', 'gōng gòng'), w('绿色', 'green', 'lǜ sè'),
  w('数字', 'digital', 'shù zì'), w('传统', 'traditional', 'chuán tǒng'), w('社区', 'community', 'shè qū'),
  w('农村', 'rural', 'nóng cūn'), w('家庭', 'household', 'jiā tíng'), w('海洋', 'ocean', 'hǎi yáng'),
  w('清洁', 'clean', 'qīng jié'), w('智能', 'smart', 'zhì néng'), w('本地', 'local', 'běn dì'),
  w('长期', 'long-term', 'cháng qī'), w('国际', 'international', 'guó jì'), w('夜间', 'night-time', 'yè jiān'),
  w('季节性', 'seasonal', 'jì jié xìng'), w('手工', 'handmade', 'shǒu gōng'), w('共享', 'shared', 'gòng xiǎng'),
  w('高速', 'high-speed', 'gāo sù'), w('低碳', 'low-carbon', 'dī tàn'),
];

const NOUNS: readonly Word[] = [
  w('交通', 'transport', 'jiāo tōng'), w('能源', 'energy', 'néng yuán'), w('市场', 'markets', 'shì chǎng'),
  w('教育', 'education', 'jiào yù'), w('医疗', 'health care', 'yī liáo'), w('住房', 'housing', 'zhù fáng'),
  w('农业', 'farming', 'nóng yè'), w('旅游', 'tourism', 'lǚ yóu'), w('图书馆', 'libraries', 'tú shū guǎn'),
  w('网络', 'networks', 'wǎng luò'), w('服务', 'services', 'fú wù'), w('政策', 'policy', 'zhèng cè'),
  w('资源', 'resources', 'zī yuán'), w('设施', 'facilities', 'shè shī'), w('经济', 'economy', 'jīng jì'),
  w('文化', 'culture', 'wén huà'), w('生活', 'life', 'shēng huó'), w('空间', 'spaces', 'kōng jiān'),
  w('项目', 'projects', 'xiàng mù'), w('建筑', 'architecture', 'jiàn zhù'),
];

type Pair = readonly [zh: string, en: string];

const SUBJECTS: readonly Pair[] = [
  ['越来越多的年轻人', 'more and more young people'], ['当地政府', 'the local government'], ['许多家庭', 'many families'],
  ['一位退休的老师', 'a retired teacher'], ['几位研究人员', 'several researchers'], ['这家小公司', 'this small company'],
  ['附近的居民', 'people living nearby'], ['我的邻居', 'my neighbour'], ['一群志愿者', 'a group of volunteers'],
  ['来访的客人', 'the visiting guests'], ['班上的学生', 'the students in the class'], ['那位记者', 'that reporter'],
];

const TIMES: readonly Pair[] = [
  ['去年', 'last year'], ['上个月', 'last month'], ['今年春天', 'this spring'], ['每天早上', 'every morning'],
  ['十年前', 'ten years ago'], ['最近', 'recently'], ['那天晚上', 'that evening'], ['整个夏天', 'all summer'],
];

const PLACES: readonly Pair[] = [
  ['在河边', 'by the river'], ['在老城区', 'in the old town'], ['在会议上', 'at the meeting'], ['在学校里', 'at school'],
  ['在周末的集市上', 'at the weekend market'], ['在网上', 'online'], ['在车站附近', 'near the station'], ['在山区', 'in the hills'],
];

/** What the subject did with the object X. */
const FRAMES: readonly ((x: Pair) => Pair)[] = [
  ([zh, en]) => [`开始关注${zh}`, `began to pay attention to ${en}`],
  ([zh, en]) => [`讨论了${zh}的问题`, `discussed the problem of ${en}`],
  ([zh, en]) => [`花了很多时间研究${zh}`, `spent a lot of time studying ${en}`],
  ([zh, en]) => [`提出了改善${zh}的办法`, `proposed a way to improve ${en}`],
  ([zh, en]) => [`对${zh}有了新的看法`, `came to see ${en} in a new light`],
  ([zh, en]) => [`为${zh}筹集了一笔钱`, `raised some money for ${en}`],
  ([zh, en]) => [`写了一篇关于${zh}的文章`, `wrote an article about ${en}`],
  ([zh, en]) => [`参观了一个关于${zh}的展览`, `visited an exhibition on ${en}`],
  ([zh, en]) => [`抱怨${zh}太贵了`, `complained that ${en} cost too much`],
  ([zh, en]) => [`把${zh}当作头等大事`, `made ${en} their first priority`],
];

const TAILS: readonly Pair[] = [
  ['', ''], ['', ''], ['，这让很多人感到意外', ', which surprised many people'],
  ['，但结果并不理想', ', but the results were disappointing'], ['，而且进展得很顺利', ', and things went smoothly'],
  ['，虽然一开始没有人相信他们', ', although nobody believed them at first'],
];

const TOPICS: readonly Pair[] = [
  ['城市的早晨', 'Mornings in the city'], ['一条老街的变化', 'How an old street changed'], ['山里的学校', 'A school in the hills'],
  ['河边的市场', 'The market by the river'], ['夜班公交车', 'The night bus'], ['社区图书馆的故事', 'The story of a community library'],
  ['海边小镇的夏天', 'Summer in a seaside town'], ['一家手工作坊', 'A handmade workshop'],
];

/** Sentences in a paragraph; each paragraph is followed by one vocabulary note. */
const PARAGRAPH = 4;
/** Notes in a deck: 273 paragraphs of 4 sentences and a vocabulary note, 2,730 cards. */
export const DECK_NOTES = 1365;

const capital = (text: string) => text[0]!.toUpperCase() + text.slice(1);

function sentence(random: () => number, object: Pair): Pair {
  const [timeZh, timeEn] = pick(random, TIMES);
  const [subjectZh, subjectEn] = pick(random, SUBJECTS);
  const [placeZh, placeEn] = pick(random, PLACES);
  const [verbZh, verbEn] = pick(random, FRAMES)(object);
  const [tailZh, tailEn] = pick(random, TAILS);
  return [`${timeZh}，${subjectZh}${placeZh}${verbZh}${tailZh}。`, `${capital(timeEn)}, ${subjectEn} ${verbEn} ${placeEn}${tailEn}.`];
}

function object(random: () => number, own: Pair, earlier: readonly Word[]): Pair {
  const roll = random();
  const word = roll < 0.3 ? pick(random, earlier) : roll < 0.5 ? undefined : pick(random, NOUNS);
  return word ? [word.zh, word.en] : own;
}

/**
 * Deck `index` of a learner's home, as `parley import` writes an article: notes in article order,
 * a fifth of them vocabulary with pinyin and the sentence each came from.
 */
export function learnerDeck(index: number): Deck {
  const random = seededRandom(0x9e3779b1 ^ index);
  const terms = MODIFIERS.flatMap((m) => NOUNS.map((n) => ({ zh: m.zh + n.zh, en: `${m.en} ${n.en}`, pinyin: `${m.pinyin} ${n.pinyin}` })))
    .map((term) => ({ term, key: random() }))
    .sort((a, b) => a.key - b.key)
    .map(({ term }) => term);
  const out: Note[] = [];
  const ids = new Set<string>();
  const add = (note: Omit<Note, 'order'>): boolean => {
    if (ids.has(note.id)) return false;
    ids.add(note.id);
    out.push({ ...note, order: out.length });
    return true;
  };
  for (let paragraph = 0; out.length < DECK_NOTES; paragraph++) {
    const term = terms[paragraph]!;
    const own: Pair = [term.zh, term.en];
    let context: Pair | undefined;
    for (let made = 0; made < PARAGRAPH;) {
      // The first sentence is the vocabulary note's context; the others use a term met so far
      // (this one, often) or a plain word, so terms recur across the article as in real text.
      const [zh, en] = sentence(random, made === 0 ? own : object(random, own, terms.slice(0, paragraph + 1)));
      if (add({ id: noteId('sentence', [zh, en]), kind: 'sentence', zh, en })) {
        context ??= [zh, en];
        made++;
      }
    }
    const english = random() < 0.2;
    const vocab: Omit<Note, 'order'> = english
      ? { id: noteId('vocab', ['en', term.en]), kind: 'vocab', zh: term.zh, en: term.en, lang: 'en', pos: 'n.' }
      : { id: noteId('vocab', ['zh', term.zh]), kind: 'vocab', zh: term.zh, en: term.en, lang: 'zh', pos: 'n.', pinyin: term.pinyin };
    if (random() < 0.25) vocab.note = '常见于新闻报道';
    add({ ...vocab, context: { zh: context![0], en: context![1] } });
  }
  const [titleZh, titleEn] = TOPICS[index % TOPICS.length]!;
  const sha256 = createHash('sha256').update(out.map((n) => `${n.zh}\t${n.en}`).join('\n')).digest('hex');
  return { format: DECK_FORMAT, name: `deck-${index}`, slug: `deck-${index}`, source: { title: `${titleZh} ${titleEn}`, file: `article-${index}.txt`, sha256 }, notes: out };
}

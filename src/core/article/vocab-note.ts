import type { Lang } from '../deck/note.js';
import { HAN, HAN_RANGES, isHanScript } from '../text/script.js';

/** One vocabulary note as the article wrote it, before context and pinyin are added. */
export interface VocabNote {
  term: string;
  gloss: string;
  lang: Lang;
  pos?: string;
  note?: string;
  /** The reading the article gives a Chinese term (`捐 juān v. to donate`). */
  pinyin?: string;
}

const LATIN = /[A-Za-z]/;
const BULLET = String.raw`(?:[*＊]\s*|\d{1,3}\s*[.、．)]\s*|[（(]\d{1,3}[)）]\s*)?`;
const ZH_TERM = String.raw`[${HAN_RANGES}][${HAN_RANGES}A-Za-z0-9·\-]{0,15}`;
const EN_TERM = String.raw`[A-Za-z][A-Za-z0-9 .'’\-/]{0,40}?`;
const POS = String.raw`(?:n|v|vt|vi|adj|adv|prep|conj|pron|num|art|int|interj|aux|abbr|phr|a|ad|sb|pl)\.(?:\s*[/&]\s*(?:n|v|vt|vi|adj|adv)\.)*`;
const OPEN = '[(（]';
const CLOSE = '[)）]';
const EXPLANATION = String.raw`(?:\s*[:：]\s*(.*))?`;

const WHOLE_ZH_TERM = new RegExp(`^${ZH_TERM}$`, 'u');

/** `二轨对话(Track II Dialogue, 1982年…)` or `1.一轨对话(Track I)`: a Chinese term, its English in brackets. */
const ZH_THEN_EN = new RegExp(String.raw`^${BULLET}(${ZH_TERM})\s*${OPEN}([^()（）]*)${CLOSE}${EXPLANATION}$`, 'u');
/** `还有Track 1.5(一轨半):…`: English first, its Chinese in brackets, after a short lead-in. */
const EN_THEN_ZH = new RegExp(
  String.raw`^${BULLET}(?:[${HAN_RANGES}]{1,3}?)?(${EN_TERM})\s*${OPEN}(${ZH_TERM})${CLOSE}${EXPLANATION}$`,
  'u',
);
/** `disconcerting(adj.)令人不安的`, `word n. 释义`, `word /ipa/ adj. 释义`, `otter [n.] 水獭`. */
const EN_POS_ZH = new RegExp(
  String.raw`^${BULLET}(${EN_TERM})\s*(?:(?:\/[^/]{1,40}\/|\[[^\]]{1,40}\])\s*)?(?:${OPEN}\s*(${POS})\s*${CLOSE}|[[【]\s*(${POS})\s*[\]】]|(?<![A-Za-z])(${POS}))\s*(.*[${HAN_RANGES}].*)$`,
  'u',
);
/** `航线n. air route`: a Chinese term, its part of speech, its English. */
const ZH_POS_EN = new RegExp(
  String.raw`^${BULLET}(${ZH_TERM}?)\s*(?:[[【(（]\s*(${POS})\s*[\]】)）]|(${POS}))\s*([A-Za-z][^${HAN_RANGES}()（）]*?)\s*(?:${OPEN}([^()（）]*)${CLOSE})?$`,
  'u',
);
/** `term: gloss`, `term<TAB>gloss`, `term  gloss`, `term — gloss`. */
const TWO_PARTS = new RegExp(String.raw`^${BULLET}(.+?)(?:\s*[:：=]\s*|\t+\s*|\s{2,}|\s+[-—–]+\s+)(.+)$`, 'u');
/**
 * In a list, the term and its gloss meet where the script changes (`大国外交 major country diplomacy`,
 * `take part in 参加`): the term is in one script, and may hold the list's commas (`和平、稳定`).
 */
const ZH_THEN_LATIN = new RegExp(String.raw`^${BULLET}([${HAN_RANGES}][${HAN_RANGES}、，,·…\-0-9 ]{0,23}?)\s*([A-Za-z][^${HAN_RANGES}]*)$`, 'u');
const LATIN_THEN_ZH = new RegExp(String.raw`^${BULLET}([A-Za-z][A-Za-z0-9 .,'’\-/()]{0,60}?)\s*([${HAN_RANGES}“‘《（(].*)$`, 'u');
const MAX_GLOSS_WORDS = 8;
/** Pronouns and forms of `be`: an English side with one is a clause, not a term. */
const SENTENCE_WORD = /\b(?:i|you|he|she|we|they|it|me|him|us|them|my|your|his|her|our|their|its|is|are|was|were|am)\b/i;
/** `/kəmˈpaɪl/`, `[ˈɒtə]` after an English term: its pronunciation, not part of it. */
const PHONETIC = /\s*(?:\/[^/]{1,40}\/|\[[^\]]{1,40}\])\s*/g;

const ZH_LABEL = '(?:重点|核心|必背|常用|相关|本文|文中|课文)?(?:英语|英文)?(?:词汇|生词|单词|词语|术语|短语|词组|表达)(?:表|本|积累|学习|[和与及]?短语)?';
const EN_LABEL =
  String.raw`(?:(?:key|new|useful|core)\s*)?(?:vocabulary|glossary|words?|phrases|expressions|notes|terms|word\s*list)(?:\s*(?:and|&)\s*(?:phrases|expressions))?`;
/** `生词`, `重点词汇`, `Words and Expressions`, `词汇 Vocabulary`, `【短语】`, `Glossary:`. */
const HEADER = new RegExp(
  String.raw`^[【[]?\s*(?:${ZH_LABEL}|${EN_LABEL})(?:\s*[/|｜]?\s*(?:${ZH_LABEL}|${EN_LABEL}))?\s*[】\]]?\s*[:：]?$`,
  'i',
);

/** A glossary's header row (`中文<TAB>English`, `| Word | Meaning |`) names its columns: not an item. */
const COLUMN_NAME =
  /^(#|序号|编号|no\.?|中文|汉语|英文|英语|词汇|单词|生词|词语|术语|短语|词组|释义|中文释义|英文释义|意思|含义|解释|词性|拼音|音标|例句|示例|用法|搭配|备注|频次|词频|chinese|english|words?|terms?|phrases?|meanings?|definitions?|translations?|glosses|pinyin|phonetics?|ipa|part of speech|pos|examples?|usage|notes?)$/i;
/** `术语:解释` with a Chinese explanation: a short term, and an explanation that is not a sentence. */
const ZH_EXPLAINED = new RegExp(String.raw`^([${HAN_RANGES}]{2,8})\s*[:：]\s*([^:：]*[${HAN_RANGES}][^:：]{0,60})$`, 'u');
/** `张明：John Smith`, `摄影：Li Hua`: a role or a speaker and a name, shaped like a term and its gloss. */
const NAME = /^(\p{Lu}[\p{L}'’.\-]*)(\s+\p{Lu}[\p{L}'’.\-]*){0,3}$/u;

/** First characters HEADER can start with: most lines are ruled out without running it. */
const HEADER_START = '【[重核必常相本文课英词生单术短表VvGgKkNnWwPpEeTtUuCc';
/**
 * Longer than any header; the bound also keeps HEADER's neighbouring `\s*` from backtracking
 * quadratically over a long run of spaces.
 */
const HEADER_MAX_LENGTH = 40;
/** Two columns need a tab or a run of spaces between them. */
const COLUMN_GAP = /\t|\s{2,}/;
/** Every shape of TWO_PARTS has one of these between term and gloss. */
const TWO_PARTS_SEPARATOR = /[:：=\t\-—–]|\s{2}/;

export function isVocabularyHeader(text: string): boolean {
  const line = text.trim();
  return line.length > 0 && line.length <= HEADER_MAX_LENGTH && HEADER_START.includes(line[0]!) && HEADER.test(line);
}

/** `中文<TAB>English`, `Word    Meaning`: the header row of a two-column glossary. */
export function isColumnHeader(text: string): boolean {
  if (!COLUMN_GAP.test(text.trim())) return false;
  const cells = text.trim().split(/\t+|\s{2,}/);
  return cells.length >= 2 && cells.every((c) => COLUMN_NAME.test(c.trim()));
}

/**
 * What the surroundings already say about a line: `list` after a vocabulary heading, `glossary` among
 * other note-shaped lines, `prose` alone among sentences, where `term: gloss` needs more to be a note.
 */
export type VocabSetting = 'list' | 'glossary' | 'prose';

/**
 * The vocabulary notes on one line, or undefined when it is not a note. Outside a vocabulary list
 * only bilingual shapes count (a Chinese term with English in brackets, an English word with its part
 * of speech): a Chinese line that explains a Chinese word is an annotation, not a card — unless it
 * stands among other notes (`散射:光向各个方向散开的现象`), which makes it a glossary entry.
 */
export function parseVocabLine(text: string, setting: VocabSetting): VocabNote[] | undefined {
  if (text.length > 600) return undefined;
  const line = text.trim();
  const items = line.split(INLINE_BULLET);
  return items.length >= 3 ? inlineList(items) : parseEntry(line, setting);
}

/** `重点单词: · 路线n. route · 延伸v. extend`: a list run into one line, as exam handouts print it. */
const INLINE_BULLET = /(?:^|\s)[·•▪]\s+/;

/** A lead-in that names the list, or none, then entries that mostly read as notes. */
function inlineList(items: readonly string[]): VocabNote[] | undefined {
  const [lead, ...entries] = items.map((item) => item.trim());
  if (lead && !isVocabularyHeader(lead.replace(/^.*?(?=\S+\s*[:：]?$)/u, ''))) return undefined;
  const notes = entries.map((entry) => parseEntry(entry, 'list'));
  const read = notes.filter((n): n is VocabNote[] => n !== undefined);
  return read.length >= 2 && read.length * 3 >= entries.length * 2 ? read.flat() : undefined;
}

function parseEntry(line: string, setting: VocabSetting): VocabNote[] | undefined {
  const inVocabularyList = setting === 'list';
  if (!line || line.length > 200) return undefined;
  if (line.includes('\t')) {
    const columns = line.split(/\t+/).map((c) => c.trim()).filter(Boolean);
    if (columns.length >= 3) return fromColumns(columns);
  }
  // The shapes below are costly to run on every line of an article, so cheap necessary conditions go first.
  const bracketed = (line.includes('(') || line.includes('（')) && (line.includes(')') || line.includes('）'));
  const colon = line.includes(':') || line.includes('：');

  let m = line.includes('.') && mayHaveHan(line) ? EN_POS_ZH.exec(line) : null;
  if (m) {
    // `adj. 蜿蜒曲折的 (wind v. 缠绕)`: a remark in brackets after the gloss is a note on it.
    const [, gloss = m[5]!, remark] = /^(.*[^\s(（])\s*[(（]([^()（）]+)[)）]$/u.exec(withoutExample(m[5]!)) ?? [];
    return [withNote({ term: m[1]!.trim(), gloss: withoutExample(gloss), lang: 'en', pos: (m[2] ?? m[3] ?? m[4])!.replace(/\s+/g, ''), note: remark })];
  }
  m = line.includes('.') && mayHaveHan(line) ? ZH_POS_EN.exec(line) : null;
  if (m && isShortGloss(m[4]!.trim()) && m[4]!.split(/\s+/).length <= MAX_GLOSS_WORDS) {
    return [withNote({ term: m[1]!, gloss: m[4]!.trim(), lang: 'zh', pos: (m[2] ?? m[3])!.replace(/\s+/g, ''), note: m[5]?.trim() })];
  }

  m = bracketed ? ZH_THEN_EN.exec(line) : null;
  if (m && LATIN.test(m[2]!) && !isHanScript(m[2]!.codePointAt(0)!)) {
    const { gloss, note } = splitGloss(m[2]!);
    if (gloss) return [withNote({ term: m[1]!, gloss, lang: 'zh', note: joinNotes(note, m[3]) })];
  }

  m = bracketed ? EN_THEN_ZH.exec(line) : null;
  if (m && LATIN.test(m[1]!)) return [withNote({ term: m[2]!, gloss: m[1]!.trim(), lang: 'zh', note: m[3]?.trim() })];

  m = TWO_PARTS_SEPARATOR.test(line) ? TWO_PARTS.exec(line) : null;
  if (m) {
    const pair = bilingual(m[1]!, m[2]!, line.includes('\t'));
    const columns = COLUMN_GAP.test(line);
    if (pair && (inVocabularyList || columns || (isShortGloss(pair.gloss) && !isName(pair)))) return [pair];
  }
  if (setting !== 'prose' && colon) {
    m = ZH_EXPLAINED.exec(line);
    if (m && !/[。！？!?]$/.test(m[2]!)) return [{ term: m[1]!, gloss: m[2]!.trim(), lang: 'zh' }];
  }
  if (setting !== 'prose') {
    const pair = scriptChange(line);
    // Under no heading, a title (`街角书店 The Corner Bookshop`) or a line of a bilingual poem
    // (`床前明月光 the moon is bright`) has the same shape.
    const english = pair && (pair.lang === 'zh' ? pair.gloss : pair.term);
    if (pair && (inVocabularyList || (!isTitleCase(english!) && !SENTENCE_WORD.test(english!)))) return [pair];
  }
  return undefined;
}

/** `大国外交 major country diplomacy`, `航线 air route`, `take part in 参加`: the two sides where the script changes. */
function scriptChange(line: string): VocabNote | undefined {
  const zhFirst = mayHaveHan(line[0]!) ? ZH_THEN_LATIN.exec(line) : null;
  if (zhFirst) {
    const [term, gloss] = [zhFirst[1]!.trim(), zhFirst[2]!.trim()];
    const words = gloss.split(/\s+/).length;
    if (/[,，、]$/.test(term) || words > MAX_GLOSS_WORDS || !isShortGloss(gloss) || /[.;]$/.test(gloss)) return undefined;
    if (COLUMN_NAME.test(term) && COLUMN_NAME.test(gloss)) return undefined;
    if (/^[A-Z]/.test(gloss) && SENTENCE_WORD.test(gloss) && words > 2) return undefined;
    return chineseTermGloss(term, gloss);
  }
  const enFirst = LATIN_THEN_ZH.exec(line);
  if (!enFirst) return undefined;
  // `drought adj 干旱的`: a part of speech without its dot.
  const bare = /^(.*?)\s+(n|v|vt|vi|adj|adv|prep|conj|phr)$/.exec(enFirst[1]!.trim());
  const note = bilingual(bare ? bare[1]! : enFirst[1]!, enFirst[2]!);
  if (note && bare) note.pos = `${bare[2]}.`;
  return note;
}

/** `The Secret of the Corner Bookshop`: most words capitalised, as titles and names are. */
function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w) && !/^(of|the|a|an|and|in|on|at|to|for|with)$/.test(w));
  return words.length > 0 && words.filter((w) => /^[A-Z]/.test(w)).length * 2 > words.length;
}

/** False only when no character could be Chinese (all sort below the CJK radicals). */
function mayHaveHan(text: string): boolean {
  for (const ch of text) if (ch.codePointAt(0)! >= 0x2e80) return true;
  return false;
}

/** `| 3 | **abandon** | /əˈbændən/ | v. 放弃 |`: the term is the first column with words, after any row number. */
function fromColumns(all: string[]): VocabNote[] | undefined {
  const columns = all.slice(Math.max(0, all.findIndex((c) => /\p{L}/u.test(c))));
  const first = columns[0]!;
  const other = columns.slice(1).find((c) => (HAN.test(first) ? !HAN.test(c) && LATIN.test(c) && !isPinyin(c) : HAN.test(c)));
  const pair = other === undefined ? undefined : bilingual(first, other, true);
  return pair ? [pair] : undefined;
}

/**
 * A term and its gloss in the other language, with the term's language deciding the side. A table
 * cell may hold a longer English term (a title, a phrase) than running text.
 */
function bilingual(left: string, right: string, cell = false): VocabNote | undefined {
  const a = left.replace(PHONETIC, ' ').trim();
  if (new RegExp(String.raw`^(?:${POS})$`, 'u').test(a)) return undefined;
  // `He is a good man`: a capitalised clause is an example sentence, not an entry.
  if (/^[A-Z]/.test(a) && SENTENCE_WORD.test(a) && a.split(/\s+/).length > 2) return undefined;
  // A whole sentence on either side is an example or a sentence pair, not a term and its gloss.
  if (/[.!?。！？]["”’]?$/.test(a) && (HAN.test(a) || a.split(/\s+/).length > 2)) return undefined;
  if (/[。！？]["”’」]?$/.test(right.trim())) return undefined;
  const b = right.trim().replace(/(?<!\.)[;；。.]$/, '');
  if (!a || !b || a.length > 60 || b.length > 120) return undefined;
  if (COLUMN_NAME.test(a) && COLUMN_NAME.test(b)) return undefined;
  if (isChineseTerm(a) && !HAN.test(b) && LATIN.test(b)) return chineseTermGloss(a, b);
  if (!HAN.test(a) && LATIN.test(a) && a.split(/\s+/).length <= (cell ? MAX_GLOSS_WORDS : 5) && HAN.test(b)) {
    const pos = new RegExp(String.raw`^(${POS})\s*`, 'u').exec(b);
    return withNote({ term: a, gloss: pos ? b.slice(pos[0].length) : b, lang: 'en', pos: pos?.[1] });
  }
  return undefined;
}

/**
 * A Chinese term's English gloss, with the reading and part of speech a word list puts before it
 * (`房租 fángzū n. rent`) taken out: they are not what the learner must recall.
 */
function chineseTermGloss(term: string, gloss: string): VocabNote {
  const words = gloss.split(/\s+/);
  let read = 0;
  while (read < words.length - 1 && read < [...term].length && isPinyin(words[read]!)) read++;
  const rest = words.slice(read).join(' ');
  const pos = read > 0 ? new RegExp(String.raw`^(${POS})\s+`, 'u').exec(rest) : null;
  const note: VocabNote = { term, gloss: pos ? rest.slice(pos[0].length) : rest, lang: 'zh' };
  if (pos) note.pos = pos[1]!.replace(/\s+/g, '');
  if (read > 0) note.pinyin = words.slice(0, read).join(' ');
  return note;
}

/** A Chinese word glossed by a capitalised name alone: in running text, more likely a byline or a speaker. */
function isName(note: VocabNote): boolean {
  return note.lang === 'zh' && NAME.test(note.gloss);
}

/** `干旱，旱灾 例：The drought lasted two years.`: the example after a gloss is not part of it. */
function withoutExample(gloss: string): string {
  return gloss.replace(/\s*(?:例句|例如|例|e\.g\.|eg\.)\s*[:：].*$/i, '').trim();
}

/** A pinyin column (`dēng long`, `deng1 long2`) is a reading, not a gloss. */
function isPinyin(text: string): boolean {
  return /^[a-zü\u00e0-\u01dc\s'1-5]+$/i.test(text) && /[\u0101-\u01dc\u00e0-\u00fc]|[a-z][1-5]/i.test(text);
}

function isChineseTerm(text: string): boolean {
  return HAN.test(text) && WHOLE_ZH_TERM.test(text);
}

/** A gloss short enough to be a definition rather than a sentence that happens to follow a colon. */
function isShortGloss(gloss: string): boolean {
  return gloss.length <= 60 && !/[。！？!?]$/.test(gloss);
}

/** `Track II Dialogue / Track II Diplomacy,1982年由…` -> the English gloss and the Chinese remark. */
function splitGloss(inside: string): { gloss: string; note?: string } {
  const han = inside.search(HAN);
  if (han < 0) return { gloss: inside.trim() };
  const head = inside.slice(0, han);
  const cut = Math.max(head.lastIndexOf(','), head.lastIndexOf('，'), head.lastIndexOf(';'), head.lastIndexOf('；'));
  const gloss = (cut >= 0 ? head.slice(0, cut) : head).trim();
  return { gloss: LATIN.test(gloss) ? gloss : '', note: inside.slice(cut >= 0 ? cut + 1 : han).trim() };
}

function joinNotes(a: string | undefined, b: string | undefined): string | undefined {
  const parts = [a, b].map((s) => s?.trim()).filter((s): s is string => Boolean(s));
  return parts.length ? parts.join('; ') : undefined;
}

function withNote(note: VocabNote): VocabNote {
  const out: VocabNote = { term: note.term, gloss: note.gloss, lang: note.lang };
  if (note.pos) out.pos = note.pos;
  if (note.note) out.note = note.note;
  if (note.pinyin) out.pinyin = note.pinyin;
  return out;
}

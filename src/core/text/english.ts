/**
 * English word handling shared by the lexicon and the aligner: both sides must reduce a word to the
 * same key, so "dialogues" in a sentence meets "dialogue" in the dictionary and "said" meets "say".
 */

const STOP = new Set(
  ('a an the and or but nor of to in on at by for with from into onto as is are was were be been being ' +
    'has have had do does did not no this that these those it its he she they we you i me him her them us ' +
    'his their our your my which who whom whose what when where why how there here than then so such also ' +
    'too very can could may might must shall should will would all any some each other more most s t ' +
    // Scripture and older prose: function words a dictionary gloss never holds.
    'unto upon thou thee thy thine ye hath hast doth dost art shalt wilt thereof wherein').split(' '),
);

/**
 * Irregular forms to the word a dictionary lists (suffix stripping cannot reach them), the common
 * verbs and nouns of narrative prose and older translations. A table rather than a lemmatizer
 * library: wink-lemmatizer loads 2.7 MB of WordNet data, and these forms carry nearly all its gain here.
 */
const IRREGULAR: Record<string, string> = lemmaTable({
  arise: 'arose arisen', awake: 'awoke awoken', bear: 'bore borne born', beat: 'beaten', become: 'became',
  begin: 'began begun', beget: 'begat begot begotten', bend: 'bent', bind: 'bound', bite: 'bit bitten',
  bleed: 'bled', blow: 'blew blown', break: 'broke broken', breed: 'bred', bring: 'brought', build: 'built',
  burn: 'burnt', buy: 'bought', catch: 'caught', choose: 'chose chosen', cling: 'clung', come: 'came',
  creep: 'crept', deal: 'dealt', dig: 'dug', draw: 'drew drawn', dream: 'dreamt', drink: 'drank drunk',
  drive: 'drove driven', dwell: 'dwelt', eat: 'ate eaten', fall: 'fell fallen', feed: 'fed', feel: 'felt',
  fight: 'fought', find: 'found', flee: 'fled', fling: 'flung', fly: 'flew flown', forbid: 'forbade forbidden',
  forget: 'forgot forgotten', forgive: 'forgave forgiven', freeze: 'froze frozen', get: 'got gotten',
  give: 'gave given', go: 'went gone', grind: 'ground', grow: 'grew grown', hang: 'hung', hear: 'heard',
  hide: 'hid hidden', hold: 'held', keep: 'kept', kneel: 'knelt', know: 'knew known', lay: 'laid', lead: 'led',
  lean: 'leant', leap: 'leapt', learn: 'learnt', leave: 'left', lend: 'lent', lie: 'lay lain', light: 'lit',
  lose: 'lost', make: 'made', mean: 'meant', meet: 'met', overcome: 'overcame', pay: 'paid', ride: 'rode ridden',
  ring: 'rang rung', rise: 'rose risen', run: 'ran', say: 'said saith', see: 'saw seen', seek: 'sought',
  sell: 'sold', send: 'sent', shake: 'shook shaken', shine: 'shone', shoot: 'shot', show: 'shown',
  shrink: 'shrank shrunk', sing: 'sang sung', sink: 'sank sunk', sit: 'sat', slay: 'slew slain',
  sleep: 'slept', slide: 'slid', smite: 'smote smitten', speak: 'spoke spoken spake', speed: 'sped',
  spend: 'spent', spin: 'spun', spit: 'spat', spring: 'sprang sprung', stand: 'stood', steal: 'stole stolen',
  stick: 'stuck', sting: 'stung', stride: 'strode', strike: 'struck stricken', strive: 'strove striven',
  swear: 'swore sworn', sweep: 'swept', swim: 'swam swum', swing: 'swung', take: 'took taken',
  teach: 'taught', tear: 'tore torn', tell: 'told', think: 'thought', throw: 'threw thrown',
  tread: 'trod trodden', understand: 'understood', wake: 'woke woken', wear: 'wore worn', weave: 'wove woven',
  weep: 'wept', win: 'won', wind: 'wound', withdraw: 'withdrew withdrawn', write: 'wrote written',
  // nouns
  man: 'men', woman: 'women', child: 'children', foot: 'feet', tooth: 'teeth', mouse: 'mice', goose: 'geese',
  ox: 'oxen', brother: 'brethren', wife: 'wives', life: 'lives', knife: 'knives', wolf: 'wolves', leaf: 'leaves',
  half: 'halves', shelf: 'shelves', thief: 'thieves', calf: 'calves', loaf: 'loaves',
  // comparisons
  good: 'better best', bad: 'worse worst', far: 'farther further farthest furthest', old: 'elder eldest',
});

function lemmaTable(forms: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [lemma, list] of Object.entries(forms)) for (const form of list.split(' ')) out[form] = lemma;
  return out;
}

/** Two-letter content words: "went" must meet the dictionary's "go". */
const SHORT_CONTENT = new Set(['go', 'ox']);

/** The dictionary word an irregular form belongs to (`ran` → `run`), if the table lists it. */
export function irregularLemma(form: string): string | undefined {
  return IRREGULAR[form];
}

export function isStopWord(word: string): boolean {
  return STOP.has(word);
}

/** A crude suffix stripper behind a table of irregular forms: enough to merge inflections, never used for display. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  w = IRREGULAR[w] ?? w;
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ly')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('es') && /[sxz]es$|[cs]hes$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  // running -> runn -> run, stopped -> stopp -> stop
  if (w.length > 3 && /([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Lower-cased content words of an English text, stemmed. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  // don't, she'd, we'll: the clitic is a function word, and "don" or "ll" would be taken for content.
  const plain = text.toLowerCase().replace(/n['’]t\b/g, ' ').replace(/['’](?:s|d|ll|re|ve|m)\b/g, ' ');
  for (const m of plain.matchAll(/[a-z]+/g)) {
    const w = m[0];
    if ((w.length >= 3 || SHORT_CONTENT.has(w)) && !STOP.has(w)) out.push(stem(w));
  }
  return out;
}

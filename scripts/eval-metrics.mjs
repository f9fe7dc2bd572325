// Pure scoring of `parley import --dry-run --json` output against a gold.json (see
// ../shared/eval/README.md). Every metric returns counts {hitPred, pred, hitGold, gold} so cases
// can be micro-averaged by adding counts; precision = hitPred/pred and recall = hitGold/gold,
// which differ only for merge-tolerant scoring, where one predicted pair may cover several gold ones.

const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u2035`]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb]/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

export function foldText(text) {
  return String(text ?? '').normalize('NFKC').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(/\s+/g, ' ').trim();
}

/** Chinese sides differ in punctuation width and spacing far more than in words, so only letters and digits count. */
export function zhKey(text) {
  return String(text ?? '').normalize('NFKC').replace(NOT_LETTER_OR_DIGIT, '');
}

/** Position-free form of either side, for locating a predicted text inside the gold text. */
export function looseKey(text) {
  return zhKey(text).toLowerCase();
}

export function pairKey(pair) {
  return `${zhKey(pair.zh)}\u0000${foldText(pair.en)}`;
}

export function emptyCounts() {
  return { hitPred: 0, pred: 0, hitGold: 0, gold: 0 };
}

export function addCounts(a, b) {
  return { hitPred: a.hitPred + b.hitPred, pred: a.pred + b.pred, hitGold: a.hitGold + b.hitGold, gold: a.gold + b.gold };
}

/** Nothing predicted and nothing expected is perfect; an empty side of the ratio counts as 1. */
export function prf(counts) {
  const precision = counts.pred === 0 ? 1 : counts.hitPred / counts.pred;
  const recall = counts.gold === 0 ? 1 : counts.hitGold / counts.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function countKeys(items, key) {
  const counts = new Map();
  for (const item of items) {
    const k = key(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** Predicted pairs (or vocabulary items) that equal an optional gold one are neither right nor wrong: they are dropped. */
export function withoutOptional(pred, optional = [], key = pairKey) {
  const allowed = countKeys(optional, key);
  return pred.filter((pair) => {
    const k = key(pair);
    const left = allowed.get(k) ?? 0;
    if (left === 0) return true;
    allowed.set(k, left - 1);
    return false;
  });
}

/** Multiset match on normalised pairs; also lists what was missed and what was wrong. */
export function strictPairs(pred, gold) {
  const wanted = countKeys(gold, pairKey);
  const wrong = [];
  let hit = 0;
  for (const pair of pred) {
    const k = pairKey(pair);
    const left = wanted.get(k) ?? 0;
    if (left > 0) {
      wanted.set(k, left - 1);
      hit++;
    } else {
      wrong.push(pair);
    }
  }
  const missed = gold.filter((pair) => {
    const k = pairKey(pair);
    const left = wanted.get(k) ?? 0;
    if (left === 0) return false;
    wanted.set(k, left - 1);
    return true;
  });
  return { counts: { hitPred: hit, pred: pred.length, hitGold: hit, gold: gold.length }, missed, wrong };
}

/** Han characters one by one, runs of other letters and digits as one token. */
function zhTokens(text) {
  return looseKey(text).match(/\p{Script=Han}|\P{Script=Han}+/gu) ?? [];
}

function enTokens(text) {
  return foldText(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Each pair's tokens as ids counted, and how many distinct English ids there are. */
function tokenCounts(pairs) {
  const interner = () => {
    const ids = new Map();
    const id = (token) => {
      let n = ids.get(token);
      if (n === undefined) ids.set(token, (n = ids.size));
      return n;
    };
    return { id, ids };
  };
  const zh = interner();
  const en = interner();
  const counted = pairs.map((pair) => [countKeys(zhTokens(pair.zh), zh.id), countKeys(enTokens(pair.en), en.id)]);
  return { counted, enSize: en.ids.size };
}

function addLinks(links, [zh, en], enSize) {
  for (const [z, zn] of zh) {
    for (const [e, en_] of en) {
      // A small integer key: a Map keyed on built strings made the Bible case take seconds.
      const k = z * enSize + e;
      links.set(k, (links.get(k) ?? 0) + zn * en_);
    }
  }
}

/**
 * Links are (Chinese token, English word) pairs inside one sentence pair, as a multiset over the
 * document: a merged or split pair keeps most of its links, so this gives partial credit.
 */
export function linkCounts(pred, gold) {
  const { counted, enSize } = tokenCounts([...pred, ...gold]);
  const predLinks = new Map();
  const goldLinks = new Map();
  counted.forEach((pair, i) => addLinks(i < pred.length ? predLinks : goldLinks, pair, enSize));
  let hit = 0;
  let predTotal = 0;
  let goldTotal = 0;
  for (const [k, n] of predLinks) {
    predTotal += n;
    hit += Math.min(n, goldLinks.get(k) ?? 0);
  }
  for (const n of goldLinks.values()) goldTotal += n;
  return { hitPred: hit, pred: predTotal, hitGold: hit, gold: goldTotal };
}

/** The gold side as one string with the span of each gold pair, to locate predicted text in. */
function goldText(gold, side) {
  const starts = [];
  const ends = [];
  let text = '';
  for (const pair of gold) {
    starts.push(text.length);
    text += looseKey(pair[side]);
    ends.push(text.length);
  }
  return { text, starts, ends, cursor: 0 };
}

/** Where a predicted side sits in the gold text: the gold pairs it overlaps and whether it is exactly them. */
function locate(doc, raw) {
  const key = looseKey(raw);
  if (key === '') return undefined;
  // Articles are in order, so look after the previous match first; repeated short sentences then land right.
  let at = doc.text.indexOf(key, doc.cursor);
  if (at < 0) at = doc.text.indexOf(key);
  if (at < 0) return undefined;
  const end = at + key.length;
  doc.cursor = end;
  let first = 0;
  while (doc.ends[first] <= at) first++;
  let last = first;
  while (last + 1 < doc.starts.length && doc.starts[last + 1] < end) last++;
  const exact = doc.starts[first] === at && doc.ends[last] === end;
  return { first, last, at, end, exact };
}

function covered(intervals, length) {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let reach = 0;
  for (const [from, to] of sorted) {
    if (from > reach) return false;
    reach = Math.max(reach, to);
  }
  return reach >= length;
}

/**
 * A predicted pair is right when both its sides cover the same gold pairs: exactly one gold pair,
 * exactly a run of whole gold pairs (a merge), or a piece of one gold pair whose pieces together
 * cover all of it on both sides with nothing wrong touching it (a finer split).
 */
export function mergeTolerant(pred, gold) {
  const zhDoc = goldText(gold, 'zh');
  const enDoc = goldText(gold, 'en');
  const spoiled = new Set();
  const pieces = new Map();
  const goldHit = new Set();
  let rightWhole = 0;
  for (const pair of pred) {
    const zh = locate(zhDoc, pair.zh);
    const en = locate(enDoc, pair.en);
    const same = zh !== undefined && en !== undefined && zh.first === en.first && zh.last === en.last;
    if (same && zh.exact && en.exact) {
      // A duplicate of a pair already credited is wrong, but says nothing against the gold pair.
      if (goldHit.has(zh.first) && goldHit.has(zh.last)) continue;
      rightWhole++;
      for (let k = zh.first; k <= zh.last; k++) goldHit.add(k);
    } else if (same && zh.first === zh.last) {
      const k = zh.first;
      const entry = pieces.get(k) ?? { count: 0, zh: [], en: [] };
      entry.count++;
      entry.zh.push([zh.at - zhDoc.starts[k], zh.end - zhDoc.starts[k]]);
      entry.en.push([en.at - enDoc.starts[k], en.end - enDoc.starts[k]]);
      pieces.set(k, entry);
    } else {
      for (const side of [zh, en]) {
        if (side === undefined) continue;
        for (let k = side.first; k <= side.last; k++) spoiled.add(k);
      }
    }
  }
  let rightPieces = 0;
  for (const [k, entry] of pieces) {
    const whole =
      !spoiled.has(k) &&
      covered(entry.zh, zhDoc.ends[k] - zhDoc.starts[k]) &&
      covered(entry.en, enDoc.ends[k] - enDoc.starts[k]);
    if (!whole) continue;
    rightPieces += entry.count;
    goldHit.add(k);
  }
  return { hitPred: rightWhole + rightPieces, pred: pred.length, hitGold: goldHit.size, gold: gold.length };
}

function vocabKey(item) {
  const norm = (s) => foldText(s).toLowerCase();
  return `${norm(item.term)}\u0000${norm(item.gloss)}`;
}

/** Term and gloss must both match; the side that is the term matters, since it decides the cards. */
export function vocabCounts(pred, gold) {
  const wanted = countKeys(gold, vocabKey);
  let hit = 0;
  for (const item of pred) {
    const k = vocabKey(item);
    const left = wanted.get(k) ?? 0;
    if (left > 0) {
      wanted.set(k, left - 1);
      hit++;
    }
  }
  return { hitPred: hit, pred: pred.length, hitGold: hit, gold: gold.length };
}

/** Noise lines that turned up in a card: a whole side, or glued to the start or end of one. */
export function leakedNoise(output, noiseLines = []) {
  const sides = [...output.pairs.flatMap((p) => [p.zh, p.en]), ...output.vocab.flatMap((v) => [v.term, v.gloss])].map(looseKey);
  return noiseLines.filter((line) => {
    const k = looseKey(line);
    return k !== '' && sides.some((side) => side.startsWith(k) || side.endsWith(k));
  });
}

/** Sentences the gold says have no translation (strings, or {zh}/{en}/{text}) that were paired anyway. */
export function pairedUnaligned(pairs, unaligned = []) {
  const texts = unaligned.map((u) => (typeof u === 'string' ? u : (u.zh ?? u.en ?? u.text ?? '')));
  return texts.filter((text) => {
    const k = looseKey(text);
    return k !== '' && pairs.some((p) => looseKey(p.zh).includes(k) || looseKey(p.en).includes(k));
  });
}

/** All metrics of one case. `output` is the import JSON, or undefined when the import failed. */
export function scoreCase(output, gold) {
  const goldPairs = gold.pairs ?? [];
  const result = output ?? { pairs: [], vocab: [] };
  const pairs = withoutOptional(result.pairs ?? [], gold.optional_pairs);
  const strict = strictPairs(pairs, goldPairs);
  return {
    strict: strict.counts,
    link: linkCounts(pairs, goldPairs),
    merge: mergeTolerant(pairs, goldPairs),
    vocab: vocabCounts(withoutOptional(result.vocab ?? [], gold.optional_vocab, vocabKey), gold.vocab ?? []),
    noiseLeaked: leakedNoise({ pairs: result.pairs ?? [], vocab: result.vocab ?? [] }, gold.noise_lines),
    unalignedPaired: pairedUnaligned(pairs, gold.unaligned),
    missed: strict.missed,
    wrong: strict.wrong,
  };
}

const PERCENTS = {
  strict: (c) => prf(c.strict).f1,
  strictP: (c) => prf(c.strict).precision,
  strictR: (c) => prf(c.strict).recall,
  link: (c) => prf(c.link).f1,
  merge: (c) => prf(c.merge).f1,
  mergeP: (c) => prf(c.merge).precision,
  mergeR: (c) => prf(c.merge).recall,
  vocabP: (c) => prf(c.vocab).precision,
  vocabR: (c) => prf(c.vocab).recall,
};
/** Counts of lines that must not reach a card: a bar on them is a maximum, not a minimum. */
const MAXIMA = ['noise', 'unal'];
export const FIGURES = [...Object.keys(PERCENTS), ...MAXIMA];

/**
 * What a bar holds a case (or a sum of cases) to: percentages rounded to one decimal as eval
 * prints them, so the figure shown is the figure judged; noise and unal count leaked lines.
 */
export function figuresOf(counts, noise, unal) {
  const out = {};
  for (const [name, ratio] of Object.entries(PERCENTS)) out[name] = Math.round(ratio(counts) * 1000) / 10;
  return { ...out, noise, unal };
}

/** `merge=95,vocabR=90,noise=0` -> { merge: 95, vocabR: 90, noise: 0 }; throws on a name or value it does not know. */
export function parseBars(spec) {
  const bars = {};
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^(\w+)=(\d+(?:\.\d+)?)$/.exec(part);
    if (!match) throw new Error(`"${part}" is not figure=number`);
    const [, name, value] = match;
    if (!FIGURES.includes(name)) throw new Error(`"${name}" is not a figure (${FIGURES.join(', ')})`);
    bars[name] = Number(value);
  }
  return bars;
}

/** The bars a set of figures does not reach: below a minimum, or above a maximum for noise and unal. */
export function unmetBars(figures, bars) {
  return Object.entries(bars).flatMap(([name, bar]) => {
    const figure = figures[name];
    const maximum = MAXIMA.includes(name);
    return (maximum ? figure > bar : figure < bar) ? [{ name, figure, bar, maximum }] : [];
  });
}

/** `merge 69.2 < 95` or `noise 2 > 0`: one unmet bar as eval and the golden test print it. */
export function describeUnmet(unmet) {
  return `${unmet.name} ${unmet.figure} ${unmet.maximum ? '>' : '<'} ${unmet.bar}`;
}

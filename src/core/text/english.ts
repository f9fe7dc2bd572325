/**
 * English word handling shared by the lexicon and the aligner: both sides must reduce a word to the
 * same key, so "dialogues" in a sentence meets "dialogue" in the dictionary.
 */

const STOP = new Set(
  ('a an the and or but nor of to in on at by for with from into onto as is are was were be been being ' +
    'has have had do does did not no this that these those it its he she they we you i me him her them us ' +
    'his their our your my which who whom whose what when where why how there here than then so such also ' +
    'too very can could may might must shall should will would all any some each other more most s t').split(' '),
);

export function isStopWord(word: string): boolean {
  return STOP.has(word);
}

/** A crude suffix stripper: enough to merge inflections, never used for display. */
export function stem(word: string): string {
  let w = word.toLowerCase();
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
  for (const m of text.toLowerCase().matchAll(/[a-z]+/g)) {
    const w = m[0];
    if (w.length >= 3 && !STOP.has(w)) out.push(stem(w));
  }
  return out;
}

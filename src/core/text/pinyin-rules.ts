/** A dictionary word and its reading, one syllable per character (`r` for the 儿 of 儿化). */
export interface Word {
  text: string;
  syllables: string[];
}

/** Who or what can be told they must do something: 我得走 is děi, 跑得快 de. */
const SUBJECTS = new Set(['我', '你', '您', '他', '她', '它', '我们', '你们', '他们', '她们', '它们', '咱们', '大家', '谁', '也', '就', '还', '都', '总', '又', '可', '可能', '必须', '一定']);

/** Verbs after which 为 is wéi, "as": 选为, 称为, 视为 (成为 and 认为 are dictionary words already). */
const AS_VERBS = new Set([...'选称视改变分作译评定列化转当叫推升划封奉命']);

/** Whether the words so far end in a doubled character (高高兴兴, 好好儿), which the dictionary may have split. */
function reduplicated(words: readonly Word[]): boolean {
  const chars = [...words.slice(-3).map((w) => w.text).join('').replace(/儿$/, '')];
  return chars.length >= 2 && chars[chars.length - 1] === chars[chars.length - 2];
}

/**
 * Readings the dictionary cannot give, since they depend on the words around: the particles 地 and
 * 得 (read dì and dé alone), 得 as děi, 了 after 得 (做得了 liǎo), the aspect particle 过 (guo), 还
 * as huán and 中 as zhòng before 了, 为 as wéi, and a 儿 no dictionary word took, which is 儿化 on
 * the word before (小孩儿 → xiǎo háir).
 */
export function readParticles(words: readonly Word[]): Word[] {
  const out: Word[] = [];
  words.forEach((word, i) => {
    const before = out[out.length - 1];
    const after = words[i + 1];
    const read = (...syllables: string[]) => out.push({ text: word.text, syllables });
    switch (word.text) {
      case '儿':
        if (before) out[out.length - 1] = { text: before.text + word.text, syllables: [...before.syllables, 'r'] };
        else out.push(word);
        return;
      case '地':
        // After an adverbial (慢慢, 认真, 高兴, 高高兴兴, 好好儿) and before what it modifies; a noun's 地 follows a measure word (这块地).
        if (before && after && ([...before.text].length >= 2 || reduplicated(out))) return read('de');
        break;
      case '得':
        if (before && after && SUBJECTS.has(before.text)) return read('děi');
        if (before) return read('de');
        break;
      case '得了':
        if (before && !SUBJECTS.has(before.text)) return read('de', 'liǎo');
        break;
      case '还':
        if (after?.text === '了') return read('huán');
        break;
      case '过':
        // The aspect particle (读过, 来过) follows a verb of one character; after 再, 没 or 又 it is the verb (再过三天).
        if (before && before.text.length === 1 && !SUBJECTS.has(before.text) && !'再没'.includes(before.text)) return read('guo');
        break;
      case '中':
        // 中了: hit, won (中了大奖); the dictionary has 打中 and 看中 but not every verb before it.
        if (after?.text === '了') return read('zhòng');
        break;
      case '为':
        if (before && AS_VERBS.has(before.text)) return read('wéi');
        break;
    }
    out.push(word);
  });
  return out;
}

// A synthetic bilingual book for `npm run bench`: all the Chinese, then all the English (the
// hardest layout to align, one long document), with every fifth English sentence translating two
// Chinese ones, so the aligner must find 2-1 beads. Made from templates at run time: no real text.
const places = ['河边', '山上', '城里', '车站', '学校', '公园', '市场', '海边', '村口', '桥下'];
const placesEn = ['by the river', 'on the hill', 'in the town', 'at the station', 'at the school', 'in the park', 'at the market', 'by the sea', 'at the village gate', 'under the bridge'];
const things = ['一只猫', '两个孩子', '一位老师', '三辆自行车', '一群鸽子', '一个小贩', '几棵树', '一条狗', '五个学生', '一位医生'];
const thingsEn = ['a cat', 'two children', 'a teacher', 'three bicycles', 'a flock of pigeons', 'a street seller', 'some trees', 'a dog', 'five students', 'a doctor'];

function zhSentence(i) {
  return `第${i}天早上,我们在${places[i % 10]}看见了${things[(i * 7) % 10]}。`;
}

function enSentence(i) {
  return `On the morning of day ${i}, we saw ${thingsEn[(i * 7) % 10]} ${placesEn[i % 10]}.`;
}

/** `pairs` English sentences; one in five also covers a second Chinese sentence. */
export function makeBook(pairs) {
  const zh = [];
  const en = [];
  for (let i = 1; i <= pairs; i++) {
    if (i % 5 === 0) {
      zh.push(`第${i}天下午,天气很好。`, zhSentence(i));
      en.push(`The afternoon of day ${i} was fine, and ${enSentence(i).charAt(0).toLowerCase()}${enSentence(i).slice(1)}`);
    } else {
      zh.push(zhSentence(i));
      en.push(enSentence(i));
    }
  }
  const paragraphs = (list) => Array.from({ length: Math.ceil(list.length / 8) }, (_, p) => list.slice(p * 8, p * 8 + 8).join(list === zh ? '' : ' '));
  return { text: `${paragraphs(zh).join('\n\n')}\n\n${paragraphs(en).join('\n\n')}\n`, zh: zh.length, en: en.length };
}

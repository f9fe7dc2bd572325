/**
 * Sentences written for parley, cut into words by hand (spaces between words), the yardstick for the
 * segmenter: scripts/measure-segmenters.mjs compares the candidates on them, and the tests hold
 * parley's own segmenter to the accuracy it reached.
 */
export const GOLD: readonly string[] = [
  '我 昨天 在 图书馆 借 了 三 本 关于 气候 变化 的 书 。',
  '尽管 天气 很 冷 , 孩子们 还是 在 操场 上 踢 足球 。',
  '这 家 公司 的 产品 在 国际 市场 上 很 有 竞争力 。',
  '他 慢慢 地 走 进 教室 , 坐 在 最后 一 排 。',
  '政府 决定 加大 对 农村 教育 的 投入 。',
  '她 每天 早上 喝 一 杯 咖啡 , 然后 去 公园 跑步 。',
  '两 国 专家 通过 对话 机制 保持 着 沟通 。',
  '这个 城市 的 交通 拥堵 问题 越来越 严重 了 。',
  '我们 应该 珍惜 每 一 滴 水 , 节约 资源 。',
  '医生 建议 他 少 吃 油腻 的 食物 , 多 锻炼 身体 。',
  '老师 耐心 地 解释 了 这 道 数学 题 的 解法 。',
  '春天 来 了 , 山坡 上 开满 了 野花 。',
  '科学家 发现 这种 植物 可以 吸收 空气 中 的 有害 物质 。',
  '他 的 演讲 打动 了 在场 的 每 一 位 观众 。',
  '由于 暴雨 , 航班 被 推迟 了 两 个 小时 。',
  '这 部 电影 讲述 了 一个 普通 家庭 的 奋斗 故事 。',
  '年轻人 越来越 重视 心理 健康 。',
  '请 把 你 的 意见 写 在 这 张 纸 上 。',
  '经济 增长 放缓 给 就业 带来 了 压力 。',
  '她 毕业 以后 在 一 家 银行 工作 了 五 年 。',
  '小孩儿 在 院子 里 玩儿 。',
  '我们 必须 尊重 不同 文化 的 传统 和 习俗 。',
  '这 座 古老 的 寺庙 吸引 了 大量 游客 。',
  '网络 改变 了 人们 获取 信息 的 方式 。',
  '他 终于 明白 了 父母 的 良苦用心 。',
  '志愿者 们 帮助 老人 打扫 房间 。',
  '会议 讨论 了 环境 保护 和 可持续 发展 的 问题 。',
  '我 对 这个 结果 感到 非常 失望 。',
  '研究 表明 , 充足 的 睡眠 有助于 提高 记忆力 。',
  '他们 在 海边 租 了 一 间 小 房子 过 暑假 。',
  '这 条 河 的 污染 已经 得到 了 有效 控制 。',
  '妈妈 包 的 饺子 特别 好吃 。',
  // Where the longest word first is wrong: 研究生, 和尚, 学生会 are words, but not here.
  '研究 生命 的 起源 需要 耐心 。',
  '已经 结婚 的 和 尚未 结婚 的 员工 都 来 了 。',
  '这 门 课 的 学生 会 用 电脑 做 作业 。',
];

/** [start, end) spans of the words in a segmentation, in characters: what two segmentations are compared by. */
export function spans(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  let at = 0;
  for (const w of words) {
    const length = Array.from(w).length;
    out.add(`${at}:${at + length}`);
    at += length;
  }
  return out;
}

/** Word F1 of `found` against the hand cut, over all sentences: 2PR/(P+R) with P, R over matching spans. */
export function wordF1(cut: (sentence: string) => readonly string[]): number {
  let right = 0;
  let found = 0;
  let wanted = 0;
  for (const line of GOLD) {
    const gold = spans(line.split(' '));
    const got = spans(cut(line.replace(/ /g, '')));
    for (const s of got) if (gold.has(s)) right++;
    found += got.size;
    wanted += gold.size;
  }
  const p = right / found;
  const r = right / wanted;
  return (2 * p * r) / (p + r);
}

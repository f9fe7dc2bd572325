import { HAN, HAN_RANGES } from '../text/script.js';

/**
 * Page chrome: what a web page or its copy puts around the article — breadcrumbs, navigation bars,
 * datelines with the site's name, "8H AGO", print-edition stamps, share and follow prompts,
 * slogans. Each is recognised by its shape, never by a site's name, and is never a card.
 */
export function chromeReason(text: string): string | undefined {
  if (BREADCRUMB.test(text)) return 'breadcrumb';
  if (isNavigationBar(text)) return 'site navigation';
  if (DATELINE.test(text) || EN_DATELINE.test(text) || AGO.test(text)) return 'dateline';
  if (PROMPT.test(text) || EN_PROMPT.test(text)) return 'share or follow prompt';
  return undefined;
}

/** `首页 > 双语 > 阅读`, `当前位置: 首页 > 新闻 >`, `Home › World › Asia`: three or more levels. */
const BREADCRUMB = /^(?:(?:当前位置|您的位置|你的位置|所在位置|位置|current location|you are here)\s*[:：]\s*)?[^>›»\s][^>›»]{0,20}(?:\s*[>›»]\s*[^>›»]{1,30}){2,}\s*[>›»]?$/iu;

/**
 * A date first, then only a few short names (`2019-04-02 某某双语新闻 某某英语`, `2012-10-26`), or
 * a date with a place or edition (`Mar 3rd 2019 | LONDON From the print edition`).
 */
const DATELINE = /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+[^\s。！？.!?，,]{1,16}){0,4}$/u;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const EN_DATELINE = new RegExp(
  `^(?:(?:updated|published|posted)\\s*:?\\s*)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4})(?:\\s*[|｜·,:-]?\\s*(?:[A-Z][A-Za-z.'-]*|from|the|print|edition|updated|by|\\d{1,2}:\\d{2}|[ap]m|gmt|bst|est|cst|utc|in|on))*\\s*$`,
  'i',
);
/** `8H AGO`, `3 hours ago`, `2天前`. */
const AGO = /^(?:\d{1,3}\s*(?:h|hr|hrs|hours?|m|mins?|minutes?|d|days?|w|weeks?)\s+ago|\d{1,3}\s*(?:小时|分钟|天|周)前)$/i;

/** Share, follow, subscribe and scan prompts, as short lines of their own. */
const PROMPT =
  /^[(（【[]?\s*(?:点击|长按|扫码|扫描|阅读原文|更多精彩|欢迎关注|喜欢(?:就|请)|(?:关注|分享|订阅|转发|收藏|下载)(?:我们|本号|公众号|微信|微博|到|给|一下|官方|客户端|APP)|点赞|在看)[^。！？]{0,30}$/iu;
const EN_PROMPT =
  /^(?:(?:share|follow|subscribe|join|sign up|download|click|tap|scan|read more)\b[^.!?]{0,50}(?:us|now|here|conversation|newsletter|app|podcast|channel|facebook|twitter|wechat|weibo|instagram|youtube)[.!]*|your (?:fast|best|daily|quick|easy|go-to|one-stop) (?:way|guide|source|window) to\b[^.!?]{0,60}[.!]?)(?:\s+(?:share|follow|subscribe|join|sign up|download|click|tap)\b[^.!?]{0,50}[.!]*)*$/i;

/**
 * `首页 诗词 字典 板报 句子 名言 友答 励志`, `Home | News | World | Sport`: five or more short items
 * (two or more with bars between) and nothing that reads as a sentence.
 */
function isNavigationBar(text: string): boolean {
  if (/[。！？，,.!?；;：:“”"]/.test(text)) return false;
  const barred = text.split(/\s*[|｜·•]\s*/).filter(Boolean);
  if (barred.length >= 3 && barred.every((item) => isShortItem(item, 3))) return true;
  const items = text.split(/\s+/).filter(Boolean);
  return items.length >= 5 && items.every((item) => isShortItem(item, 1)) && items.some((item) => HAN.test(item));
}

const SHORT_HAN = new RegExp(`^[${HAN_RANGES}]{1,5}$`, 'u');

function isShortItem(item: string, words: number): boolean {
  if (SHORT_HAN.test(item)) return true;
  const parts = item.split(/\s+/);
  return parts.length <= words && parts.every((w) => /^[A-Z][A-Za-z&'-]{0,14}$/.test(w));
}

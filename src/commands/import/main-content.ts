import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** The part of a web page that is the article, as HTML for the import pipeline, and its title. */
export interface MainContent {
  html: string;
  title?: string;
}

type Doc = ReturnType<typeof parseHTML>['document'];
type El = NonNullable<ReturnType<Doc['querySelector']>>;

const BLOCKS = 'p, div, section, li, h1, h2, h3, h4, h5, h6, blockquote, td, th, figcaption, pre';

/**
 * What WeChat authors put around an article: follow-us banners, QR codes, share and like prompts.
 * Phrases, not single words, so a short article sentence that says "share" stays.
 */
const SHARE_PROMPT = new RegExp(
  [
    '点击(?:上方|下方|蓝字|关注)', '点上方', '蓝字', '关注(?:我们|公众号|本号|本公众号)', '(?:加个|一键)关注', '设为?星标', '星标公众号',
    '二维码', '扫码', '扫一扫', '长按(?:识别|关注|扫码|二维码)', '分享(?:给|到)(?:朋友|好友)', '转发(?:给|到)', '朋友圈',
    '点(?:个|亮)?(?:赞|在看)', '阅读原文', '留言区', '微信号', '喜欢此内容',
    '\\bqr[- ]?code\\b', '\\bfollow us\\b', '\\blong[- ]press\\b', '\\btap the blue\\b',
  ].join('|'),
  'i',
);
/** Prompts are a line or two; a longer block is article text that happens to use a phrase. */
const PROMPT_MAX = 80;
/** A prompt's box: the line and its translation or QR caption, never a paragraph pair of the article. */
const BOX_MAX = 2 * PROMPT_MAX;

const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Blocks with no block inside: the lines a prompt or an account name would be one of. */
function leafBlocks(root: El): El[] {
  return [...root.querySelectorAll(BLOCKS)].filter((el) => el.querySelector(BLOCKS) === null);
}

/**
 * The largest box around `leaf` inside `root` still short enough to be the prompt's own: a bilingual
 * prompt's English line goes with its Chinese one, which alone names the account or says 关注.
 */
function promptBox(leaf: El, root: El): El {
  let box = leaf;
  for (let parent = box.parentElement; parent && parent !== root && collapse(parent.textContent).length <= BOX_MAX; parent = parent.parentElement) box = parent;
  return box;
}

/**
 * A WeChat official-account article (`#js_content`): the article body alone, titled by
 * `#activity-name`, without the account's name (`#js_name`) or the follow, share and QR-code
 * lines authors add, which would otherwise end up on cards beside the article's sentences.
 */
function wechatArticle(document: Doc): MainContent | undefined {
  const content = document.querySelector('#js_content');
  if (!content) return undefined;
  const account = collapse(document.querySelector('#js_name')?.textContent);
  for (const leaf of leafBlocks(content)) {
    const text = collapse(leaf.textContent);
    if (text.length > PROMPT_MAX) continue;
    if (SHARE_PROMPT.test(text) || (account.length >= 2 && text.includes(account))) promptBox(leaf, content).remove();
  }
  const title = collapse(document.querySelector('#activity-name')?.textContent) || collapse(document.querySelector('meta[property="og:title"]')?.getAttribute('content'));
  return { html: content.innerHTML, ...(title ? { title } : {}) };
}

const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/g;
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** Between parts of a page title: `Article | Site`, `文章_频道_网站`. */
const TITLE_SEPARATOR = /\s+[|\-–—_·]\s+|\s*[_｜]\s*/;

/**
 * The article's title without the site's name: Readability splits a title into words at spaces,
 * so a Chinese one keeps its `| 网站` suffix. The page's heading when the title starts with it,
 * else the title less its last part.
 */
function articleTitle(title: string, headings: string[]): string {
  const heading = headings.find((h) => h.length >= 2 && h !== title && title.startsWith(h));
  if (heading) return heading;
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const rest = title.slice(0, title.length - parts.at(-1)!.length).replace(new RegExp(`(?:${TITLE_SEPARATOR.source})$`), '');
  return rest.length >= 4 ? rest : title;
}

/**
 * Readability's pick of the article. A bilingual page laid out as two columns can lead it to one
 * language's column alone; then the whole page (whose navigation and furniture the HTML reader
 * drops) is the better source.
 */
function readable(document: Doc): MainContent | undefined {
  for (const el of document.querySelectorAll('script, style, noscript, template')) el.remove();
  const page = document.body?.textContent ?? '';
  const headings = [...document.querySelectorAll('h1')].map((h) => collapse(h.textContent));
  const article = new Readability(document as never, { charThreshold: 200 }).parse();
  if (!article?.content) return undefined;
  const text = article.textContent ?? '';
  const lost = (pattern: RegExp) => count(page, pattern) >= 50 && count(text, pattern) < 0.1 * count(page, pattern);
  if (lost(HAN) || lost(LATIN)) return undefined;
  const title = articleTitle(collapse(article.title), headings);
  return { html: article.content, ...(title ? { title } : {}) };
}

/**
 * The article in a fetched page: WeChat's own layout when it is one, else Readability's
 * extraction over linkedom, else the whole page. Loaded only for `parley import URL`.
 */
export function mainContent(page: string): MainContent {
  const { document } = parseHTML(page);
  return wechatArticle(document) ?? readable(document) ?? { html: page };
}

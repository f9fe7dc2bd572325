/** Pages the URL tests serve: one original bilingual article in the shapes sites give it. */

/** Chinese paragraph, then its English; a vocabulary note at the end, as the seed article has them. */
export const TEAHOUSE = `老城区的茶馆

老城区的茶馆每天清晨六点开门。附近的老人们带着鸟笼来这里喝茶聊天。

The teahouse in the old town opens at six every morning. Elderly neighbours come here with their bird cages to drink tea and chat.

茶馆老板姓陈,他已经在这里工作了三十年。他说,好茶需要耐心,水温太高会让茶叶变苦。

The owner, Mr Chen, has worked here for thirty years. He says that good tea takes patience, and water that is too hot makes the leaves bitter.

如今,年轻人也开始来茶馆办公和看书。茶馆里安静的气氛让他们感到放松。

Nowadays, young people also come to the teahouse to work and read. The quiet atmosphere inside helps them relax.

*bitter(adj.)苦的、味道苦的
`;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Each non-blank line of `text` as one paragraph. */
export function paragraphs(text: string): string {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '').map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
}

/** An article as a page, with what a site puts around it. */
export function articlePage(text: string, around: { title: string; before?: string; after?: string; head?: string }): string {
  return `<!doctype html>
<html lang="zh-CN"><head>${around.head ?? '<meta charset="utf-8">'}<title>${escapeHtml(around.title)}</title></head>
<body>
${around.before ?? ''}
<article>
${paragraphs(text)}
</article>
${around.after ?? ''}
</body></html>`;
}

/**
 * A news site's page: navigation, banner and in-article sponsor boxes, a sidebar and related
 * links — some bilingual, so that any of them reaching the aligner would make a card.
 */
export function newsPage(text: string): string {
  const [first, ...rest] = text.trim().split(/\n\s*\n/);
  const middle = Math.ceil(rest.length / 2);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${first} - 城市双语新闻网</title></head>
<body>
<div class="top-menu"><a href="/">首页</a> <a href="/news">新闻</a> <a href="/sports">体育</a> <a href="/en">English</a></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/culture">文化 Culture</a></li><li><a href="/travel">旅游 Travel</a></li></ul></nav>
<div class="ad-banner"><p>限时优惠,全场五折。</p><p>Limited-time offer: everything is half price.</p></div>
<div class="layout">
<div class="main-column">
<article class="post">
<h1>${first}</h1>
<p class="byline">发布时间:2026-03-02 09:00 来源:城市双语新闻网</p>
${paragraphs(rest.slice(0, middle).join('\n\n'))}
<div class="sponsor-box"><p>本文由某某银行赞助播出。</p><p>This story is brought to you by a bank.</p></div>
${paragraphs(rest.slice(middle).join('\n\n'))}
</article>
<div class="comments"><h3>网友评论</h3><p>写得真好,我也常去那家茶馆。</p><p>Great story, I go there all the time.</p></div>
</div>
<div class="sidebar">
<h3>编辑推荐</h3><p>城市夜跑越来越受欢迎。</p><p>Night running is growing popular in the city.</p>
<ul class="related"><li><a href="/a/1">春天去哪里赏花</a></li><li><a href="/a/2">Where to see flowers this spring</a></li></ul>
</div>
</div>
<div class="site-footer"><p>版权所有 城市双语新闻网</p><p>Copyright City Bilingual News. All rights reserved.</p></div>
</body></html>`;
}

/** The words of the furniture above: none may be on a card. */
export const NEWS_FURNITURE = ['首页', '优惠', 'offer', '赞助', 'bank', '评论', 'Great story', '夜跑', 'Night running', '赏花', 'flowers', '版权', 'Copyright', '城市双语新闻网'];

/**
 * A WeChat official-account article as mp.weixin.qq.com lays it out: the account's name in the
 * header, follow and QR-code prompts inside the article body (some bilingual), and the page's
 * own share and QR panels around it.
 */
export function wechatPage(text: string): string {
  const [first, ...rest] = text.trim().split(/\n\s*\n/);
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta property="og:title" content="${first}"><title></title>
<script>var nickname = "双语茶话会"; var msg_title = "${first}";</script></head>
<body id="activity-detail" class="zh_CN">
<div class="rich_media_area_primary"><div class="rich_media_area_primary_inner">
<div id="img-content" class="rich_media_wrp">
<h1 class="rich_media_title" id="activity-name">
  ${first}
</h1>
<div id="meta_content" class="rich_media_meta_list">
<span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" id="js_name">双语茶话会</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text">2026年3月2日 08:30</em>
</div>
<div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden;">
<section style="text-align: center;"><p><span style="color: rgb(0, 122, 170);">点击上方蓝字 关注我们</span></p></section>
<section><p><span>双语茶话会 | 每天一篇中英双语美文</span></p><p><span>Bilingual Tea Talk | One bilingual story every day</span></p></section>
<section>${paragraphs(rest.join('\n\n'))}</section>
<section><p><img src="qr.png"></p><p>↓↓↓ 扫描下方二维码,加入我们的读者群。</p><p>↓↓↓ Scan the QR code below and join our readers' group.</p></section>
<p>喜欢就分享给朋友吧!</p>
<p>点个在看,你最好看</p>
</div>
</div>
</div></div>
<div id="js_pc_qr_code" class="qr_code_pc_outer"><div class="qr_code_pc"><img id="js_pc_qr_code_img"><p>微信扫一扫<br>关注该公众号</p></div></div>
<div class="wx_tap_link js_wx_tap_highlight"><p>微信扫一扫可打开此内容,使用完整服务</p></div>
<div class="like_area"><span>赞</span><span>分享</span><span>在看</span><span>写留言</span></div>
</body></html>`;
}

/** The account's name and every prompt above: none may be on a card. */
export const WECHAT_PROMPTS = ['双语茶话会', 'Tea Talk', '蓝字', '关注', '二维码', 'QR', '读者群', 'readers', '分享', '在看', '扫一扫', '留言'];

let gbkTable: Map<string, number[]> | undefined;

/** `text` in GBK, from the platform's own GBK decoder run backwards: no encoder library needed. */
export function gbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeHtml } from '../../../src/commands/import/html-tokenizer.js';
import { htmlToText as htmlToTextWith, looksLikeHtml } from '../../../src/core/text/html.js';

const fixtureDir = new URL('../../fixtures/articles/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, fixtureDir), 'utf8');
const htmlToText = (html: string) => htmlToTextWith(html, tokenizeHtml);

describe('htmlToText', () => {
  it('keeps paragraphs as blank-line-separated blocks and collapses whitespace inside them', () => {
    const html = '<div><h1>Title</h1><p>One   two\n  three.</p><blockquote>Quoted</blockquote>\n\n<div><div>Deep</div></div></div>';
    expect(htmlToText(html).text).toBe('Title\n\nOne two three.\n\nQuoted\n\nDeep');
  });

  it('ends a line at <br>, list items and table rows; two <br> make a paragraph break', () => {
    expect(htmlToText('<p>中文句子。<br>An English line.</p>').text).toBe('中文句子。\nAn English line.');
    expect(htmlToText('<p>a<br><br>b</p>').text).toBe('a\n\nb');
    expect(htmlToText('<ul><li>one</li><li>two</li></ul><p>after</p>').text).toBe('one\ntwo\n\nafter');
  });

  it('separates table cells by a tab, for two-column glossaries', () => {
    const html = '<table><tr><td>糖葫芦</td><td> candied hawthorns </td></tr><tr><th>小吃摊</th><th>food stall</th></tr></table>';
    expect(htmlToText(html).text).toBe('糖葫芦\tcandied hawthorns\n小吃摊\tfood stall');
  });

  it('keeps the layout of <pre>, dropping the newline right after the tag', () => {
    expect(htmlToText('<pre>\nsteep      浸泡\naroma\t香气\n</pre><p>x</p>').text).toBe('steep      浸泡\naroma\t香气\n\nx');
  });

  it('drops script, style, noscript, template, comments and page furniture', () => {
    const html = [
      '<html><head><style>p { color: red }</style><script>if (a < b) document.write("<p>x</p>")</script></head><body>',
      '<header><a href="/">Site</a><nav><a>Home</a></nav></header><!-- <p>hidden</p> -->',
      '<noscript>Enable JavaScript</noscript><template><p>later</p></template>',
      '<p>Kept.</p><footer><p>© 2024</p></footer><button>Share</button></body></html>',
    ].join('\n');
    expect(htmlToText(html).text).toBe('Kept.');
  });

  it('takes the title from <title>, else from the first <h1>', () => {
    expect(htmlToText('<title> 夜市 &amp; Market </title><h1>Heading</h1>')).toEqual({ text: 'Heading', title: '夜市 & Market' });
    expect(htmlToText('<h1>第一\n课</h1><p>x</p><h1>second</h1>').title).toBe('第一课');
    expect(htmlToText('<p>no title</p>').title).toBeUndefined();
  });

  it('decodes named and numeric entities and leaves unknown ones alone', () => {
    expect(htmlToText('<p>&lt;a&gt; &amp; &quot;q&quot; &#20013;&#x6587; &mdash; &hellip; &copy; &bogus; &#0; &amp</p>').text).toBe(
      '<a> & "q" 中文 — … © &bogus; \ufffd &',
    );
    expect(htmlToText('<p>a&nbsp;&nbsp;b</p>').text).toBe('a b');
  });

  it('decodes every HTML5 named reference, numeric and hex ones, and the legacy names without a semicolon', () => {
    expect(htmlToText('<p>na&iuml;ve &Eacute;cole &frac12; caf&eacute; &hearts; &NotEqualTilde; &lbrace;x&rbrace;</p>').text).toBe('naïve École ½ café ♥ ≂̸ {x}');
    expect(htmlToText('<p>&#233;t&#xE9; &#X4E2D;&#25991; &#x1F375;</p>').text).toBe('été 中文 🍵');
    // The standard's legacy names decode without `;`; others stay as written.
    expect(htmlToText('<p>&eacute caf&eacutex &copy2024 &frac12 &iuml &hearts x</p>').text).toBe('é caféx ©2024 ½ ï &hearts x');
  });

  it('keeps the words of nested inline elements together, with no space added at a tag', () => {
    expect(htmlToText('<p>An <b>im<i>port</i>ant</b> <a href="/x">word</a>, <span>said</span><em> she</em>.</p>').text).toBe('An important word, said she.');
    expect(htmlToText('<p><strong>重</strong>要的<span style="color:red">事情</span>说三遍。</p>').text).toBe('重要的事情说三遍。');
  });

  it('reads malformed markup as a browser would: unclosed tags end with their parent, stray end tags are ignored', () => {
    expect(htmlToText('<div><nav><a>Home</a> <a>News</div><p>Kept.</p>').text).toBe('Kept.');
    expect(htmlToText('<p>One<p>Two</span></b><li>three<li>four</ul>five').text).toBe('One\n\nTwo\nthree\nfour\n\nfive');
    expect(htmlToText('<p class="a>b">x</p><p>y <i>unclosed</p>z').text).toBe('x\n\ny unclosed\n\nz');
    expect(htmlToText('text</p>more').text).toBe('text\n\nmore');
  });

  it('joins a Chinese paragraph hard-wrapped in the source, and keeps the space between English words', () => {
    const html = '<p>春天来了，\n公园里的花都开了。孩子们\n在草地上放风筝，\n老人们坐在树下聊天。</p>\n<p>Spring has come,\nand the flowers in the park\nare all in bloom.</p>';
    expect(htmlToText(html).text).toBe('春天来了，公园里的花都开了。孩子们在草地上放风筝，老人们坐在树下聊天。\n\nSpring has come, and the flowers in the park are all in bloom.');
  });

  it('drops references to control characters, reads 0x80-0x9F as Windows-1252, and takes no object key for a name', () => {
    expect(htmlToText('<p>a&#27;[2Jb&#x9b;c&#7;d&#x202E;e&#x2066;f&#127;g</p>').text).toBe('a[2Jb›cdefg');
    expect(htmlToText('<p>&#150; &#147;q&#148; &#x9d;x</p>').text).toBe('– “q” x');
    expect(htmlToText('<p>a&#9;b&#13;c</p>').text).toBe('a b c');
    expect(htmlToText('<p>&constructor; &toString; &hasOwnProperty;</p>').text).toBe('&constructor; &toString; &hasOwnProperty;');
  });

  it('joins Chinese text broken across source lines without inserting a space', () => {
    expect(htmlToText('<p>公园里有很多树,\n春天很美。\nSpring\nis here.</p>').text).toBe('公园里有很多树,春天很美。 Spring is here.');
  });

  it('treats a < that starts no tag as text', () => {
    expect(htmlToText('<p>3 < 5 and 1<2</p>').text).toBe('3 < 5 and 1<2');
  });

  it('reads the HTML fixture: every gold sentence survives, the page furniture does not', () => {
    const { text, title } = htmlToText(read('html-night-market/article.html'));
    const gold = JSON.parse(read('html-night-market/gold.json')) as { pairs: Array<{ zh: string; en: string }> };
    const flat = text.replace(/\s+/g, ' ');
    for (const pair of gold.pairs) {
      expect(flat).toContain(pair.zh);
      expect(flat).toContain(pair.en);
    }
    expect(title).toBe('逛夜市 | Night Market Walk');
    expect(text).not.toMatch(/双语阅读网|dataLayer|font-family|not text|新闻/);
    expect(text).toContain('糖葫芦\tcandied hawthorns');
  });

  it('never throws on arbitrary strings or tag soup', () => {
    const soup = fc
      .array(fc.constantFrom('<p>', '</p>', '<br>', '<nav>', '</nav>', '<script>', '</script>', '<!--', '-->', '<pre>', '</pre>', '&amp;', '&#x', ';', '"', '<', '>', 'text', '中文', '\n', ' ', '<td>', '<h1>', '</h1>', '<title>'), { maxLength: 80 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), soup), (html) => {
        const { text } = htmlToText(html);
        expect(typeof text).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('stays linear on pathological input', () => {
    const cases = [
      '<p'.repeat(100_000), '<!--'.repeat(100_000), '<nav>'.repeat(50_000) + 'x', '<script>'.repeat(50_000), '&#x'.repeat(100_000), `<a href="${'x'.repeat(300_000)}`,
      // Deep nesting, which htmlparser2's own Parser handles in quadratic time.
      '<b>'.repeat(200_000), '<div>'.repeat(50_000) + '</span>'.repeat(50_000), '&amp;'.repeat(500_000),
    ];
    for (const html of cases) {
      const started = performance.now();
      htmlToText(html);
      looksLikeHtml(html);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});

describe('looksLikeHtml', () => {
  it('recognises pages and fragments', () => {
    expect(looksLikeHtml(read('html-night-market/article.html'))).toBe(true);
    expect(looksLikeHtml('\ufeff<!-- saved -->\n<!doctype html><p>x')).toBe(true);
    expect(looksLikeHtml('<HTML><BODY>x</BODY></HTML>')).toBe(true);
    expect(looksLikeHtml('<p>一</p><p>one</p><p>二</p><p>two</p><br>')).toBe(true);
  });

  it('does not mistake text or Markdown for HTML', () => {
    for (const name of ['tea-markdown', 'dumplings-zh-en-annotated', 'train-interleaved-zh-first']) {
      expect(looksLikeHtml(read(`${name}/article.txt`))).toBe(false);
    }
    expect(looksLikeHtml('Use <br> to break a line, and a < b.')).toBe(false);
  });
});

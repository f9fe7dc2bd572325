import pkg from '../../../package.json' with { type: 'json' };
import { UserError } from '../../core/errors.js';
import { MAX_ARTICLE_BYTES, type Source } from './read-source.js';

/**
 * How long and how much parley waits for a page. Not user options: a test that needs a short
 * timeout or a small cap sets them in-process (the test seam) and puts them back afterwards.
 */
export const fetchLimits = {
  timeoutMs: 15_000,
  maxBytes: MAX_ARTICLE_BYTES,
  /** A shortener and an http→https hop need two; more is a loop or a login wall. */
  maxRedirects: 5,
};

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const SAVE_INSTEAD = 'save the page from the browser and import the file';

/** The address as messages and the deck show it: never a user name or password it carried. */
function shown(url: URL): string {
  const bare = new URL(url.href);
  bare.username = '';
  bare.password = '';
  bare.hash = '';
  return bare.href;
}

/** An address the user typed as `http(s)://…`; any other scheme is refused rather than read as a file name. */
export function parseWebAddress(arg: string): URL {
  let url: URL;
  try {
    url = new URL(arg);
  } catch {
    throw new UserError(`${arg} is not a valid web address`, 'give an address such as https://example.com/article.html');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(`cannot import ${url.protocol.replace(/:$/, '')} addresses`, 'give an http or https address, or a file');
  }
  return url;
}

function unreachable(url: URL, error: unknown): UserError {
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (error as NodeJS.ErrnoException).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new UserError(`cannot find the host ${url.hostname}`, 'check the address and your connection');
  return new UserError(`cannot reach ${url.host}${code ? ` (${code})` : ''}`, 'check the address and your connection, or try again later');
}

function tooSlow(label: string): UserError {
  return new UserError(`${label} did not answer within ${fetchLimits.timeoutMs / 1000} s`, `try again later, or ${SAVE_INSTEAD}`);
}

function tooBig(label: string): UserError {
  return new UserError(`${label} is larger than ${fetchLimits.maxBytes / 1024 / 1024} MB`, 'save the article part of the page and import that file');
}

const isTimeout = (error: unknown) => (error as Error)?.name === 'TimeoutError';

function statusError(label: string, response: Response): UserError {
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  if (response.status === 404 || response.status === 410) return new UserError(`${label} answered ${status}`, 'check the address');
  if (response.status >= 500) return new UserError(`${label} answered ${status}`, 'try again later');
  // 401/403/429: a login wall or a site that refuses scripts; the browser has what it needs.
  return new UserError(`${label} answered ${status}`, SAVE_INSTEAD);
}

/**
 * `user:password@` as a Basic Authorization header, which fetch wants instead (it refuses an
 * address that carries them), sent only to the address's own origin.
 */
function authorization(start: URL, url: URL): Record<string, string> {
  if ((start.username === '' && start.password === '') || url.origin !== start.origin) return {};
  const pair = `${decodeURIComponent(start.username)}:${decodeURIComponent(start.password)}`;
  return { authorization: `Basic ${Buffer.from(pair).toString('base64')}` };
}

/** The request, following redirects by hand: Node's fetch would follow twenty, and to any scheme. */
async function request(start: URL, signal: AbortSignal): Promise<{ response: Response; url: URL }> {
  let url = start;
  for (let hops = 0; ; hops++) {
    let response: Response;
    try {
      response = await fetch(shown(url), {
        redirect: 'manual',
        signal,
        headers: {
          accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
          'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8',
          'user-agent': `parley/${pkg.version} (flashcards from bilingual articles)`,
          ...authorization(start, url),
        },
      });
    } catch (error) {
      if (isTimeout(error)) throw tooSlow(shown(start));
      throw unreachable(url, error);
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || location === null) return { response, url };
    await response.body?.cancel();
    if (hops >= fetchLimits.maxRedirects) throw new UserError(`${shown(start)} redirects more than ${fetchLimits.maxRedirects} times`, `open it in a browser and import the address it ends at, or ${SAVE_INSTEAD}`);
    const next = new URL(location, url);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new UserError(`${shown(start)} redirects to a ${next.protocol.replace(/:$/, '')} address`, SAVE_INSTEAD);
    url = next;
  }
}

/** The body, refused as soon as it passes the cap: Content-Length may be missing, or be the gzipped size. */
async function readBody(response: Response, label: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > fetchLimits.maxBytes && response.headers.get('content-encoding') === null) {
    await response.body?.cancel();
    throw tooBig(label);
  }
  if (response.body === null) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > fetchLimits.maxBytes) {
      await reader.cancel();
      throw tooBig(label);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A label a decoder knows (WHATWG), else undefined: a page's typo must not become a usage error. */
function knownCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/**
 * The page's declared encoding: a byte-order mark wins (as in browsers), then the header's
 * charset, then `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`
 * near the start. Undefined leaves it to the detection a file gets.
 */
export function declaredCharset(contentType: string | null, bytes: Uint8Array): string | undefined {
  const [b0, b1, b2] = bytes;
  if ((b0 === 0xef && b1 === 0xbb && b2 === 0xbf) || (b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) return undefined;
  const header = knownCharset(/;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]);
  if (header) return header;
  const head = Buffer.from(bytes.subarray(0, 8192)).toString('latin1');
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const found = knownCharset(/charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta[0])?.[1]);
    if (found) return found;
  }
  return undefined;
}

/**
 * The page at `address`, as the import pipeline reads a file: one request (redirects followed),
 * all within the time limit, refused when it is not HTML, not there, or too large.
 */
export async function fetchPage(address: string): Promise<Source> {
  const start = parseWebAddress(address);
  const label = shown(start);
  const signal = AbortSignal.timeout(fetchLimits.timeoutMs);
  const { response, url } = await request(start, signal);
  try {
    if (!response.ok) throw statusError(label, response);
    const contentType = response.headers.get('content-type');
    const mime = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    if (!HTML_TYPES.has(mime)) {
      throw new UserError(`${label} is not a web page (${mime || 'no content type'})`, 'give the address of an HTML page, or save the text and import the file');
    }
    const bytes = await readBody(response, label);
    return { label, url: shown(url), bytes, html: true, charset: declaredCharset(contentType, bytes) };
  } catch (error) {
    if (isTimeout(error)) throw tooSlow(label);
    if (error instanceof UserError) {
      await response.body?.cancel().catch(() => {});
      throw error;
    }
    throw unreachable(url, error);
  }
}

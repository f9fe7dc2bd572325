// Escapes (issue 10, item 3): a table of hostile strings — terminal control sequences and bidi
// controls, raw and as HTML references — fed through every way text reaches the terminal: import
// (text and HTML), deck names, show, decks, export anki/md, an error echoing an argument, and a
// scripted review on a pseudo-terminal. Counted: outputs in which a raw control character reached
// stdout or stderr (beyond the review screen's own drawing sequences), and JSON that stopped
// being JSON or lost the text it holds.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parley, plain, terminal } from './util.mjs';

const NOW = '2026-11-29T10:00:00Z';
const ESC = '\x1b';

export const PAYLOADS = {
  'OSC 52': `${ESC}]52;c;cGF5bG9hZA==\x07`,
  'OSC 8': `${ESC}]8;;https://evil.example/${ESC}\\link${ESC}]8;;${ESC}\\`,
  'CSI 2J': `${ESC}[2J${ESC}[H`,
  DCS: `${ESC}P1$qm${ESC}\\`,
  'C1 0x9b': '\x9b31m',
  'bidi overrides': '\u202eevil\u202c\u2066x\u2069',
  'BEL/BS/DEL': '\x07\x08\x7f',
};
/** The same attacks as HTML references: what the page's text holds once decoded. */
const REFERENCES = {
  'OSC 52': '&#27;]52;c;eA==&#7;',
  'OSC 8': '&#x1b;]8;;https://evil.example/&#27;\\',
  'CSI 2J': '&#27;[2J',
  DCS: '&#x1B;P1$qm&#27;\\',
  'C1 0x9b': '&#x9b;&#155;',
  'bidi overrides': '&#x202E;&#8294;',
  'BEL/BS/DEL': '&#7;&#8;&#127;&#0;',
};

/** Any C0 control but tab and newline, DEL, C1, or a bidi embedding/override/isolate. */
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
/** What the review screen itself sends: cursor home, erase, the alternate screen, the cursor. */
const SCREEN_OWN = /\x1b\[(?:\?1049[hl]|\?25[hl]|H|K|J)|\r/g;

/** Two places hold the payload; the rest is plain text, so the file is not taken for binary. */
function article(payload) {
  return [
    `河边的老茶馆每天早上都坐满了人。${payload}老人们喜欢在这里下棋聊天。`,
    '',
    `The old teahouse by the river is full every morning. The old men like to play chess and chat here.${payload}`,
    '',
    '店主说他从不提价,因为熟客就像家人。',
    '',
    'The owner says he never raises prices, because regulars are like family.',
    '',
    '下雨的时候,茶馆里更热闹,没有人急着回家。',
    '',
    'When it rains the teahouse is even livelier, and nobody is in a hurry to go home.',
    '',
    '傍晚时分,服务员把桌椅擦干净,准备迎接第二天的客人。',
    '',
    'In the evening the waiters wipe the tables and chairs clean, ready for the next day\'s guests.',
    '',
  ].join('\n');
}

function page(reference) {
  return `<html><head><title>茶馆${reference}</title></head><body><p>河边的老茶馆每天早上都坐满了人${reference}。老人们喜欢在这里下棋聊天。</p>`
    + `<p>The old teahouse by the river is full every morning${reference}. The old men like to play chess and chat here.</p></body></html>`;
}

/** One payload through every surface; `check` counts each output. */
async function probe(dir, payload, reference, check) {
  const home = join(dir, 'home');
  mkdirSync(dir, { recursive: true });
  const txt = join(dir, 'teahouse.txt');
  const html = join(dir, 'teahouse.html');
  writeFileSync(txt, article(payload));
  writeFileSync(html, page(reference));

  check('import (text)', parley(['import', txt], { home }));
  check('import (HTML, dry run)', parley(['import', html, '--dry-run'], { home }));
  check('import (HTML, --json)', parley(['import', html, '--dry-run', '--json'], { home }), { json: true });
  const deckFile = join(home, 'decks', 'teahouse.json');
  if (!existsSync(deckFile)) return;
  const stored = readFileSync(deckFile, 'utf8');
  check('deck file after import', { status: 0, stdout: JSON.stringify(JSON.parse(stored)).replace(/\\u[0-9a-fA-F]{4}/g, (e) => JSON.parse(`"${e}"`)), stderr: '' });
  check('--deck NAME (refused)', parley(['import', txt, '--deck', `tea${payload}`], { home }), { status: 1 });

  // A deck file edited by hand holds what import would have stripped: the writer has to stop it.
  const deck = JSON.parse(stored);
  deck.name = `茶馆${payload}`;
  deck.notes[0].zh = `${payload}${deck.notes[0].zh}`;
  deck.notes[0].en = `${deck.notes[0].en}${payload}`;
  writeFileSync(deckFile, JSON.stringify(deck, null, 2));
  check('show', parley(['show', 'teahouse'], { home }));
  check('show (colour)', parley(['show', 'teahouse'], { home, env: { NO_COLOR: '', FORCE_COLOR: '1' } }), { colour: true });
  check('show --json', parley(['show', 'teahouse', '--json'], { home }), { json: true, holds: deck.name });
  check('decks', parley(['decks'], { home, env: { PARLEY_NOW: NOW } }));
  check('decks --json', parley(['decks', '--json'], { home, env: { PARLEY_NOW: NOW } }), { json: true, holds: deck.name });
  check('export anki', parley(['export', 'teahouse', '--format', 'anki'], { home }));
  check('export md', parley(['export', 'teahouse', '--format', 'md'], { home }));
  check('error echoing an argument', parley(['show', `x${payload}`], { home }), { status: 1 });
  const t = terminal(['review', 'teahouse', '--direction', 'zh-en'], { PARLEY_HOME: home, PARLEY_NOW: NOW });
  const shown = await t.waitFor((s) => /new \d/.test(plain(s)), 0);
  t.pty.write(' ');
  const revealed = await t.waitFor((s) => /1 Again/.test(plain(s)), 0);
  t.pty.write('q');
  await t.exit;
  check('review screen (pty)', { status: shown && revealed ? t.exitCode : -1, stdout: t.buffer.replace(SCREEN_OWN, ''), stderr: '' });
}

export async function escapes({ workDir, quick }) {
  const surfaces = new Set();
  const failures = [];
  let outputs = 0;
  let raw = 0;
  let rawOutputs = 0;
  // Each payload alone costs ~15 runs of parley; the quick run sends them all at once.
  const runs = quick
    ? [['all at once', Object.values(PAYLOADS).join(''), Object.values(REFERENCES).join('')]]
    : [...Object.keys(PAYLOADS).map((name) => [name, PAYLOADS[name], REFERENCES[name]]), ['all at once', Object.values(PAYLOADS).join(''), Object.values(REFERENCES).join('')]];
  for (const [i, [name, payload, reference]] of runs.entries()) {
    const check = (surface, result, expect = {}) => {
      surfaces.add(surface);
      outputs++;
      const text = expect.colour ? result.stdout.replace(/\x1b\[[0-9;]*m/g, '') + result.stderr : result.stdout + result.stderr;
      const found = [...text.matchAll(RAW)];
      if (found.length) {
        raw += found.length;
        rawOutputs++;
        failures.push(`${name} / ${surface}: ${found.length} raw, first ${JSON.stringify(text.slice(found[0].index, found[0].index + 12))}`);
      }
      if ((result.status ?? -1) !== (expect.status ?? 0)) failures.push(`${name} / ${surface}: exit ${result.status}, expected ${expect.status ?? 0}`);
      if (expect.json) {
        try {
          const doc = JSON.parse(result.stdout);
          if (expect.holds !== undefined && !JSON.stringify(doc).includes(JSON.stringify(expect.holds).slice(1, -1))) {
            failures.push(`${name} / ${surface}: the JSON no longer holds the text as stored`);
          }
        } catch {
          failures.push(`${name} / ${surface}: not valid JSON`);
        }
      }
    };
    await probe(join(workDir, 'escapes', String(i)), payload, reference, check);
  }
  return { surfaces: surfaces.size, payloads: Object.keys(PAYLOADS).length, runs: runs.length, outputs, raw, rawOutputs, failures };
}

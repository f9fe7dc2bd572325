import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import initSqlJs, { type Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayStart } from '../../src/core/srs/day.js';
import { layout } from '../../src/store/home.js';
import { createTestIO } from '../helpers/test-io.js';
import { parleyIn } from '../helpers/in-process.js';
import { DECK, gradedHome, T0, type GradedHome } from './apkg-home.js';

// The package is read back as Anki would: the zip's entries, then the collection with SQLite itself
// (sql.js opening the bytes), never through the code that wrote it.

const NOW = '2026-03-05T10:00:00Z';
const SQL = await initSqlJs();
type Row = Record<string, number | string | null>;

function open(file: string): { db: Database; entries: string[]; media: string } {
  const zip = unzipSync(readFileSync(file));
  return { db: new SQL.Database(zip['collection.anki2']!), entries: Object.keys(zip).sort(), media: strFromU8(zip.media!) };
}

function rows(db: Database, sql: string): Row[] {
  const [result] = db.exec(sql);
  if (!result) return [];
  return result.values.map((v) => Object.fromEntries(result.columns.map((c, i) => [c, v[i] as number | string | null])));
}

const fieldsOf = (flds: string) => flds.split('\x1f');

describe('parley export DECK --format apkg', () => {
  let home: GradedHome;
  let out: string;
  beforeAll(async () => {
    home = await gradedHome(mkdtempSync(join(tmpdir(), 'parley-apkg-')));
    out = mkdtempSync(join(tmpdir(), 'parley-apkg-out-'));
  });
  const exportTo = (name: string, ...flags: string[]) =>
    parleyIn(['export', DECK.slug, '--format', 'apkg', '-o', join(out, name), ...flags], { home: home.root, env: { PARLEY_NOW: NOW } });

  it('writes a package of the notes, cards, note type and deck, every card new', async () => {
    const result = await exportTo('plain.apkg');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Wrote 4 notes (8 cards) of "${DECK.name}"`);
    const { db, entries, media } = open(join(out, 'plain.apkg'));
    expect(entries).toEqual(['collection.anki2', 'media']);
    expect(media).toBe('{}');
    const [col] = rows(db, 'select * from col');
    expect(col!.ver).toBe(11);
    const models = JSON.parse(col!.models as string);
    const [model] = Object.values(models) as { id: number; name: string; flds: { name: string; ord: number }[]; tmpls: { name: string; qfmt: string; afmt: string }[]; css: string }[];
    expect(Object.keys(models)).toEqual([String(model!.id)]);
    expect(model!.name).toBe('parley');
    expect(model!.flds.map((f) => f.name)).toEqual([
      'Id', 'Chinese', 'English', 'Pinyin', 'Part of speech', 'Note', 'Context Chinese', 'Context English',
      'Cloze', 'Cloze hint', 'Cloze term', 'Cloze answer',
    ]);
    expect(model!.tmpls.map((t) => t.name)).toEqual(['Chinese → English', 'English → Chinese', 'Cloze']);
    // Anki makes a cloze card only where the Cloze field is filled.
    expect(model!.tmpls[2]!.qfmt).toMatch(/^\{\{#Cloze\}\}[\s\S]*\{\{\/Cloze\}\}$/);
    expect(model!.tmpls[0]!.qfmt).toContain('{{Chinese}}');
    expect(model!.tmpls[1]!.qfmt).toContain('{{English}}');
    for (const t of model!.tmpls) expect(t.afmt).toMatch(/\{\{Pinyin\}\}[\s\S]*\{\{Context Chinese\}\}/);
    expect(model!.css).toContain('.pinyin');
    const decks = Object.values(JSON.parse(col!.decks as string)) as { id: number; name: string }[];
    const deck = decks.find((d) => d.id !== 1)!;
    expect(deck.name).toBe(DECK.name);
    expect(Object.keys(JSON.parse(col!.dconf as string))).toEqual(['1']);

    const notes = rows(db, 'select * from notes order by id');
    expect(notes).toHaveLength(4);
    const byGuid = new Map(notes.map((n) => [n.guid, n]));
    const tea = byGuid.get(DECK.notes[1]!.id)!;
    expect(tea.mid).toBe(model!.id);
    expect(fieldsOf(tea.flds as string)).toEqual([DECK.notes[1]!.id, '茶壶', 'teapot', 'chá hú', 'n.', '', '他把茶壶放在窗边。', 'He put the teapot by the window.', '', '', '', '']);
    expect(tea.sfld).toBe('茶壶');
    expect(tea.csum).toBe(Number.parseInt(createHash('sha1').update(DECK.notes[1]!.id).digest('hex').slice(0, 8), 16));
    expect(byGuid.get(DECK.notes[0]!.id)!.tags).toBe(' sentence ');
    // Tags are carried: a leech stays a leech in Anki.
    expect(byGuid.get(DECK.notes[3]!.id)!.tags).toBe(' vocab leech ');

    const cards = rows(db, 'select * from cards');
    expect(cards).toHaveLength(8);
    expect(new Set(cards.map((c) => c.did))).toEqual(new Set([deck.id]));
    expect(cards.every((c) => c.type === 0 && c.queue === 0 && c.ivl === 0 && c.reps === 0)).toBe(true);
    for (const n of notes) expect(cards.filter((c) => c.nid === n.id).map((c) => c.ord).sort()).toEqual([0, 1]);
    // New cards come in the article's order.
    const firstNote = byGuid.get(DECK.notes[0]!.id)!;
    expect(cards.filter((c) => c.nid === firstNote.id).map((c) => c.due)).toEqual([1, 1]);
    expect(rows(db, 'select count(*) n from revlog')[0]!.n).toBe(0);
  });

  it('keeps the deck name as typed: Anki shows it as text, not HTML', async () => {
    const { db } = open(join(out, 'plain.apkg'));
    const [col] = rows(db, 'select decks from col');
    expect(Object.values(JSON.parse(col!.decks as string)).map((d) => (d as { name: string }).name)).toEqual(['Default', 'Tea <Market> & Co']);
  });

  it('--with-schedule carries each card\'s FSRS state, due date and the review history of every device', async () => {
    const result = await exportTo('seed.apkg', '--with-schedule');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('4 notes (8 cards, 4 reviews)');
    expect(result.stdout).toContain('Import any learning progress');
    const { db } = open(join(out, 'seed.apkg'));
    const crt = rows(db, 'select crt from col')[0]!.crt as number;
    const store = new (await import('../../src/store/store.js')).Store(home.root);
    const states = store.states(DECK.slug);
    const cardOf = (guid: string, ord: number) => rows(db, `select c.* from cards c join notes n on n.id = c.nid where n.guid = '${guid}' and c.ord = ${ord}`)[0]!;
    const noteOf = (id: string) => id.slice(0, id.lastIndexOf(':'));

    const reviewed = cardOf(noteOf(home.ids.reviewed), 0);
    const state = states.get(home.ids.reviewed)!;
    expect(state.state).toBe(2);
    expect(reviewed.type).toBe(2);
    expect(reviewed.queue).toBe(2);
    expect(reviewed.reps).toBe(2);
    // Due: the day number since the collection's first day, as parley's learning days count.
    const dueDay = dayStart(new Date(state.due), 4).getTime();
    expect(crt * 1000 + (reviewed.due as number) * 86_400_000).toBeCloseTo(dueDay, -7);
    expect(reviewed.ivl).toBeGreaterThanOrEqual(1);
    const memory = JSON.parse(reviewed.data as string);
    expect(memory.s).toBeCloseTo(state.stability, 3);
    expect(memory.d).toBeCloseTo(state.difficulty, 2);
    expect(memory.dr).toBe(0.9);

    const learning = cardOf(noteOf(home.ids.learning), 0);
    expect(learning.type).toBe(1);
    expect(learning.queue).toBe(1);
    expect(learning.due).toBe(Math.floor(Date.parse(states.get(home.ids.learning)!.due) / 1000));

    // A suspended new card stays new and suspended; the leech, a review card, suspended too.
    const suspended = cardOf(noteOf(home.ids.suspended), 1);
    expect([suspended.type, suspended.queue]).toEqual([0, -1]);
    const leech = cardOf(noteOf(home.ids.leech), 0);
    expect([leech.type, leech.queue, leech.lapses]).toEqual([2, -1, 8]);
    // A card never studied is new.
    expect(cardOf(noteOf(home.ids.learning), 1).queue).toBe(0);

    const revlog = rows(db, 'select * from revlog order by id');
    expect(revlog.map((r) => r.id)).toEqual(home.live.map((e) => Date.parse(e.at)));
    expect(revlog.map((r) => r.ease)).toEqual(home.live.map((e) => (e as { rating: number }).rating));
    expect(revlog.every((r) => r.time === 3200)).toBe(true);
    // The first grade of a new card is a learning step; the laptop's grade is carried.
    expect(revlog[0]!.type).toBe(0);
    expect(revlog.map((r) => r.cid)).toContain(leech.id);
    expect(revlog.map((r) => r.id)).not.toContain(Date.parse(T0.toISOString()) + 2 * 86_400_000);
  });

  it('keeps note and card ids from one export to the next, so importing again updates', async () => {
    await exportTo('again.apkg', '--with-schedule');
    const ids = (f: string) => rows(open(join(out, f)).db, 'select n.id nid, n.guid, c.id cid from notes n join cards c on c.nid = n.id order by c.id');
    expect(ids('again.apkg')).toEqual(ids('seed.apkg'));
    expect(ids('again.apkg')).toEqual(ids('plain.apkg'));
  });

  it('refuses -o inside the parley home, leaving every file as it was', async () => {
    const stateFile = layout(home.root).stateFile;
    const before = readFileSync(stateFile);
    const result = await parleyIn(['export', DECK.slug, '--format', 'apkg', '-o', stateFile], { home: home.root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^parley: -o .* would replace .*state\.json, which belongs to your parley home — write the export somewhere else\n$/);
    expect(readFileSync(stateFile)).toEqual(before);
  });

  it('says why when -o cannot be written, and writes nothing', async () => {
    const result = await exportTo(join('missing', 'x.apkg'));
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^parley: cannot write .*x\.apkg \(ENOENT\) — /);
    expect(readdirSync(out).some((f) => f.includes('tmp'))).toBe(false);
  });

  it('refuses to write a package to a terminal, in one line', async () => {
    const io = createTestIO({ isTTY: true });
    const result = await parleyIn(['export', DECK.slug, '--format', 'apkg'], { home: home.root, io });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^parley: an Anki package is a binary file, not for the terminal — give -o FILE, as in `parley export tea-market --format apkg -o tea-market\.apkg`\n$/);
    expect(io.stdoutBytes()).toHaveLength(0);
  });

  it('writes the package to standard output when it is not a terminal', async () => {
    const io = createTestIO();
    const result = await parleyIn(['export', DECK.slug, '--format', 'apkg'], { home: home.root, io });
    expect(result.code).toBe(0);
    const zip = unzipSync(io.stdoutBytes());
    expect(rows(new SQL.Database(zip['collection.anki2']!), 'select count(*) n from notes')[0]!.n).toBe(4);
  });

  it('--with-schedule without --format apkg is wrong usage', async () => {
    const result = await parleyIn(['export', DECK.slug, '--format', 'csv', '--with-schedule'], { home: home.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('parley: --with-schedule goes with --format apkg — add --format apkg, or leave --with-schedule out\n');
  });

  it('is a zip and an SQLite database the system tools read too', () => {
    const unzip = spawnSync('unzip', ['-p', join(out, 'seed.apkg'), 'collection.anki2'], { maxBuffer: 1 << 26 });
    if (unzip.error) return;
    const sqlite = spawnSync('sqlite3', ['-readonly', ':memory:'], { input: '', encoding: 'utf8' });
    expect(unzip.status).toBe(0);
    if (sqlite.error) return;
    const file = join(out, 'seed.anki2');
    writeFileSync(file, unzip.stdout);
    const check = spawnSync('sqlite3', [file, 'pragma integrity_check; select count(*) from cards; select count(*) from revlog;'], { encoding: 'utf8' });
    expect(check.stdout).toBe('ok\n8\n4\n');
  });
});

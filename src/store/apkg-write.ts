import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { strToU8, zipSync } from 'fflate';
import initSqlJs from 'sql.js';
import type { ApkgRows } from '../core/export/apkg.js';

/**
 * The legacy collection's schema as Anki 2.1 writes it (schema 11): the tables and indexes of
 * `collection.anki2`. Every Anki since 2.1 opens it and upgrades it on import.
 */
const SCHEMA = `
create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null,
  odue integer not null, odid integer not null, flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`;

/** The schema version Anki's legacy export writes. */
const SCHEMA_VERSION = 11;

/** sql.js finds its WebAssembly beside its script, which the bundle moves: it is handed the bytes instead. */
function sqlWasm(): Uint8Array {
  return readFileSync(createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm'));
}

/** The collection as an SQLite file, written in memory. */
export async function collectionBytes(rows: ApkgRows): Promise<Uint8Array> {
  const wasm = sqlWasm();
  const SQL = await initSqlJs({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer });
  const db = new SQL.Database();
  try {
    db.run(SCHEMA);
    const { col } = rows;
    db.run('insert into col values (1, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?)',
      [col.crt, col.mod, col.mod, SCHEMA_VERSION, col.conf, col.models, col.decks, col.dconf, '{}']);
    db.run('begin');
    const note = db.prepare('insert into notes values (?, ?, ?, ?, 0, ?, ?, ?, ?, 0, \'\')');
    for (const n of rows.notes) note.run([n.id, n.guid, n.mid, n.mod, n.tags, n.flds, n.sfld, n.csum]);
    note.free();
    const card = db.prepare('insert into cards values (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)');
    for (const c of rows.cards) card.run([c.id, c.nid, c.did, c.ord, c.mod, c.type, c.queue, c.due, c.ivl, c.factor, c.reps, c.lapses, c.left, c.data]);
    card.free();
    const review = db.prepare('insert into revlog values (?, ?, 0, ?, ?, ?, ?, ?, ?)');
    for (const r of rows.revlog) review.run([r.id, r.cid, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type]);
    review.free();
    db.run('commit');
    return db.export();
  } finally {
    db.close();
  }
}

/**
 * An Anki package: a zip of the collection and the media index (no media: `{}`). Anki reads
 * `collection.anki2` from a package with no newer collection in it.
 */
export async function apkgBytes(rows: ApkgRows): Promise<Uint8Array> {
  const collection = await collectionBytes(rows);
  return zipSync({ 'collection.anki2': collection, media: strToU8('{}') }, { level: 6 });
}

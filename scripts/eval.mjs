// Import accuracy over folders of {article.*, gold.json} cases: runs the BUILT CLI on each article
// (`parley import ART --dry-run --json` in a throw-away home) and scores it with eval-metrics.mjs.
//
//   npm run eval [DIR...] [-- --json] [--verbose] [--predictions DIR] [--min BARS] [--min-total BARS]
//
// A DIR is a case folder or a folder of cases; default ../shared/eval when present, else
// tests/fixtures/articles. --predictions DIR scores saved outputs (<DIR>/<case>.json) instead of
// running the CLI. A failed import scores as an empty output.
//
// Figures per case, per group and micro-averaged over all cases. A case's group is its name up to
// the first `_` (real, wmt21, tatoeba, bible, seed); kebab-case names without `_` (our fixtures)
// group by their folder (`articles`).
//
// Gating: --min BARS holds EVERY case to the bars, --min-total BARS the micro total; BARS is
// figure=number,… over strict, strictP, strictR, link, merge, mergeP, mergeR, vocabP, vocabR
// (minima, in percent as printed) and noise, unal (maxima, counts of leaked lines), e.g.
//   npm run eval -- --min merge=95,vocabR=90,noise=0 --min-total strictP=97
// Each unmet bar prints one line on stderr (`real_x: merge 69.2 < 95`) and the exit code is 1;
// 0 when every bar is met. 2 for a bad option, 1 for a missing folder or an unbuilt CLI.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { casesIn } from './eval-cases.mjs';
import { addCounts, describeUnmet, emptyCounts, figuresOf, parseBars, prf, scoreCase, unmetBars } from './eval-metrics.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const METRICS = ['strict', 'link', 'merge', 'vocab'];

function parseArgs(argv) {
  const options = { dirs: [], json: false, verbose: false, predictions: undefined, min: {}, minTotal: {} };
  const bars = (spec, option) => {
    if (spec === undefined) fail(`${option} needs bars`, 'give them as figure=number,… (see the top of scripts/eval.mjs)', 2);
    try {
      return parseBars(spec);
    } catch (error) {
      return fail(`${option} ${spec}: ${error.message}`, 'see the usage at the top of scripts/eval.mjs', 2);
    }
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--verbose' || arg === '-v') options.verbose = true;
    else if (arg === '--predictions') options.predictions = argv[++i];
    else if (arg === '--min') Object.assign(options.min, bars(argv[++i], arg));
    else if (arg === '--min-total') Object.assign(options.minTotal, bars(argv[++i], arg));
    else if (arg.startsWith('-')) fail(`unknown option ${arg}`, 'see the usage at the top of scripts/eval.mjs', 2);
    else options.dirs.push(arg);
  }
  if (options.dirs.length === 0) {
    const shared = resolve(root, '../shared/eval');
    options.dirs.push(existsSync(shared) ? shared : join(root, 'tests/fixtures/articles'));
  }
  return options;
}

function fail(what, todo, code = 1) {
  process.stderr.write(`eval: ${what} — ${todo}\n`);
  process.exit(code);
}

function findCases(dirs) {
  return dirs.flatMap((arg) => {
    const dir = resolve(arg);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`no such folder: ${arg}`, 'give a case folder or a folder of cases');
    return casesIn(dir);
  });
}

function runImport(article) {
  const home = mkdtempSync(join(tmpdir(), 'parley-eval-'));
  const args = [join(root, 'bin/parley.js'), 'import', article, '--dry-run', '--json', '--home', home];
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return new Promise((done) => {
    execFile(process.execPath, args, { env, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      rmSync(home, { recursive: true, force: true });
      if (error) return done({ error: (stderr.trim().split('\n')[0] || error.message).slice(0, 200) });
      try {
        done({ output: JSON.parse(stdout) });
      } catch {
        done({ error: 'stdout is not one JSON document' });
      }
    });
  });
}

function readPredictions(dir, name) {
  const file = join(dir, `${name}.json`);
  if (!existsSync(file)) return { error: `no ${relative(process.cwd(), file)}` };
  try {
    return { output: JSON.parse(readFileSync(file, 'utf8')) };
  } catch (error) {
    return { error: `${file}: ${error.message}` };
  }
}

async function evaluate(testCase, options) {
  const gold = JSON.parse(readFileSync(join(testCase.dir, 'gold.json'), 'utf8'));
  const started = performance.now();
  const run = options.predictions ? readPredictions(options.predictions, testCase.name) : await runImport(testCase.article);
  const ms = Math.round(performance.now() - started);
  const score = scoreCase(run.output, gold);
  return { ...testCase, layout: gold.layout, ms, error: run.error, score, figures: figuresOf(score, score.noiseLeaked.length, score.unalignedPaired.length) };
}

/** Runs cases a few at a time: each is a separate node process. */
async function evaluateAll(cases, options) {
  const results = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      results[i] = await evaluate(cases[i], options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), cases.length) }, worker));
  return results;
}

/** Cases added up: counts micro-averaged, leaked lines summed. */
function sumOf(name, results) {
  const counts = Object.fromEntries(METRICS.map((m) => [m, emptyCounts()]));
  for (const r of results) for (const m of METRICS) counts[m] = addCounts(counts[m], r.score[m]);
  const noise = results.reduce((n, r) => n + r.score.noiseLeaked.length, 0);
  const unal = results.reduce((n, r) => n + r.score.unalignedPaired.length, 0);
  return { name, cases: results.map((r) => r.name), counts, figures: figuresOf(counts, noise, unal) };
}

function groupsOf(results) {
  const byGroup = new Map();
  for (const r of results) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r]);
  return [...byGroup].map(([name, members]) => sumOf(name, members)).sort((a, b) => a.name.localeCompare(b.name));
}

function scores(counts) {
  return Object.fromEntries(METRICS.map((m) => [m, prf(counts[m])]));
}

const pct = (x) => x.toFixed(1).padStart(5);

function row(cells, widths) {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
}

function cells(label, counts, f, ms) {
  return [label, counts.strict.gold, counts.strict.pred, pct(f.strictP), pct(f.strictR), pct(f.strict), pct(f.link), pct(f.merge), pct(f.vocabP), pct(f.vocabR), f.noise, f.unal, ms];
}

function printTable(results, groups, total) {
  const header = ['case', 'gold', 'pred', 'P', 'R', 'F1', 'link', 'merge', 'vocP', 'vocR', 'noise', 'unal', 'ms'];
  const lines = results.map((r) => cells(r.name, r.score, r.figures, r.ms));
  const groupLines = groups.map((g) => cells(`group ${g.name} (${g.cases.length})`, g.counts, g.figures, ''));
  const footer = cells('micro total', total.counts, total.figures, '');
  const widths = header.map((h, i) => Math.max(String(h).length, ...[...lines, ...groupLines, footer].map((l) => String(l[i]).length)));
  const rule = '-'.repeat(widths.reduce((a, b) => a + b + 2, -2));
  const out = [row(header, widths), ...lines.map((l) => row(l, widths)), rule, ...groupLines.map((l) => row(l, widths)), rule, row(footer, widths)];
  process.stdout.write(`${out.join('\n')}\n`);
  process.stdout.write('P/R/F1 strict pairs, link = link F1, merge = merge-tolerant F1, voc = vocabulary, noise = noise lines leaked into cards, unal = untranslated sentences paired\n');
  for (const r of results) if (r.error) process.stdout.write(`${r.name}: import failed: ${r.error}\n`);
}

function printDetails(results) {
  for (const r of results) {
    const { missed, wrong, noiseLeaked, unalignedPaired } = r.score;
    if (missed.length + wrong.length + noiseLeaked.length + unalignedPaired.length === 0) continue;
    process.stdout.write(`\n## ${r.name}\n`);
    for (const p of missed) process.stdout.write(`  missed  ${p.zh}\n          ${p.en}\n`);
    for (const p of wrong) process.stdout.write(`  wrong   ${p.zh}\n          ${p.en}\n`);
    for (const line of noiseLeaked) process.stdout.write(`  noise   ${line}\n`);
    for (const text of unalignedPaired) process.stdout.write(`  paired  ${text}\n`);
  }
}

/** Every bar a case or the total misses, as `real_x: merge 69.2 < 95`. */
function unmetLines(results, total, options) {
  const lines = results.flatMap((r) => unmetBars(r.figures, options.min).map((u) => `${r.name}: ${describeUnmet(u)}`));
  return [...lines, ...unmetBars(total.figures, options.minTotal).map((u) => `micro total: ${describeUnmet(u)}`)];
}

const options = parseArgs(process.argv.slice(2));
const cases = findCases(options.dirs);
if (!options.predictions && !existsSync(join(root, 'dist/cli.cjs'))) fail('the CLI is not built', 'run npm run build first');
const results = await evaluateAll(cases, options);
const groups = groupsOf(results);
const total = sumOf('micro total', results);
const unmet = unmetLines(results, total, options);
if (options.json) {
  const caseJson = results.map((r) => ({ name: r.name, group: r.group, dir: r.dir, layout: r.layout, ms: r.ms, error: r.error, counts: Object.fromEntries(METRICS.map((m) => [m, r.score[m]])), scores: scores(r.score), figures: r.figures, noiseLeaked: r.score.noiseLeaked, unalignedPaired: r.score.unalignedPaired }));
  const groupJson = groups.map((g) => ({ ...g, scores: scores(g.counts) }));
  process.stdout.write(`${JSON.stringify({ cases: caseJson, groups: groupJson, total: { counts: total.counts, scores: scores(total.counts), figures: total.figures }, unmet }, null, 2)}\n`);
} else {
  printTable(results, groups, total);
  if (options.verbose) printDetails(results);
}
for (const line of unmet) process.stderr.write(`${line}\n`);
if (unmet.length > 0) process.exitCode = 1;

// Import accuracy over folders of {article.*, gold.json} cases: runs the BUILT CLI on each article
// (`parley import ART --dry-run --json` in a throw-away home) and scores it with eval-metrics.mjs.
//
//   npm run eval [DIR...] [-- --json] [--verbose] [--predictions DIR]
//
// A DIR is a case folder or a folder of cases; default ../shared/eval when present, else
// tests/fixtures/articles. --predictions DIR scores saved outputs (<DIR>/<case>.json) instead of
// running the CLI. Always exits 0 once it has scored; 1 for a missing folder or an unbuilt CLI.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addCounts, emptyCounts, prf, scoreCase } from './eval-metrics.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const METRICS = ['strict', 'link', 'merge', 'vocab'];

function parseArgs(argv) {
  const options = { dirs: [], json: false, verbose: false, predictions: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--verbose' || arg === '-v') options.verbose = true;
    else if (arg === '--predictions') options.predictions = argv[++i];
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

function isCase(dir) {
  return existsSync(join(dir, 'gold.json'));
}

function findCases(dirs) {
  const cases = [];
  for (const arg of dirs) {
    const dir = resolve(arg);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`no such folder: ${arg}`, 'give a case folder or a folder of cases');
    const dirsHere = isCase(dir)
      ? [dir]
      : readdirSync(dir, { withFileTypes: true })
          .filter((e) => e.isDirectory() && isCase(join(dir, e.name)))
          .map((e) => join(dir, e.name))
          .sort();
    for (const caseDir of dirsHere) {
      const names = readdirSync(caseDir);
      const article = names.includes('article.txt') ? 'article.txt' : names.filter((n) => n.startsWith('article.')).sort()[0];
      if (article === undefined) continue;
      cases.push({ name: basename(caseDir), dir: caseDir, article: join(caseDir, article) });
    }
  }
  return cases;
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
  return { ...testCase, layout: gold.layout, ms, error: run.error, score: scoreCase(run.output, gold) };
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

function totals(results) {
  const sum = Object.fromEntries(METRICS.map((m) => [m, emptyCounts()]));
  for (const r of results) for (const m of METRICS) sum[m] = addCounts(sum[m], r.score[m]);
  return sum;
}

function scores(counts) {
  return Object.fromEntries(METRICS.map((m) => [m, prf(counts[m])]));
}

const pct = (x) => (x * 100).toFixed(1).padStart(5);

function row(cells, widths) {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
}

function printTable(results, total) {
  const header = ['case', 'gold', 'pred', 'P', 'R', 'F1', 'link', 'merge', 'vocP', 'vocR', 'noise', 'unal', 'ms'];
  const lines = results.map((r) => {
    const s = scores(r.score);
    return [r.name, r.score.strict.gold, r.score.strict.pred, pct(s.strict.precision), pct(s.strict.recall), pct(s.strict.f1), pct(s.link.f1), pct(s.merge.f1), pct(s.vocab.precision), pct(s.vocab.recall), r.score.noiseLeaked.length, r.score.unalignedPaired.length, r.ms];
  });
  const t = scores(total);
  const sumOf = (key) => results.reduce((n, r) => n + r.score[key].length, 0);
  const footer = ['micro total', total.strict.gold, total.strict.pred, pct(t.strict.precision), pct(t.strict.recall), pct(t.strict.f1), pct(t.link.f1), pct(t.merge.f1), pct(t.vocab.precision), pct(t.vocab.recall), sumOf('noiseLeaked'), sumOf('unalignedPaired'), ''];
  const widths = header.map((h, i) => Math.max(String(h).length, ...[...lines, footer].map((l) => String(l[i]).length)));
  const out = [row(header, widths), ...lines.map((l) => row(l, widths)), '-'.repeat(widths.reduce((a, b) => a + b + 2, -2)), row(footer, widths)];
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

const options = parseArgs(process.argv.slice(2));
const cases = findCases(options.dirs);
if (!options.predictions && !existsSync(join(root, 'dist/cli.cjs'))) fail('the CLI is not built', 'run npm run build first');
const results = await evaluateAll(cases, options);
const total = totals(results);
if (options.json) {
  const caseJson = results.map((r) => ({ name: r.name, dir: r.dir, layout: r.layout, ms: r.ms, error: r.error, counts: Object.fromEntries(METRICS.map((m) => [m, r.score[m]])), scores: scores(r.score), noiseLeaked: r.score.noiseLeaked, unalignedPaired: r.score.unalignedPaired }));
  process.stdout.write(`${JSON.stringify({ cases: caseJson, total: { counts: total, scores: scores(total) } }, null, 2)}\n`);
} else {
  printTable(results, total);
  if (options.verbose) printDetails(results);
}

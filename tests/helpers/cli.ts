import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'bin', 'parley.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'parley-test-'));
}

/** Runs the built CLI as a user would, with a clean environment and no colour unless asked. */
export function parley(args: string[], options: { home?: string; env?: Record<string, string>; input?: string } = {}): CliResult {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', ...options.env };
  if (options.home) env.PARLEY_HOME = options.home;
  const result = spawnSync(process.execPath, [CLI, ...args], { env, input: options.input ?? '', encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Bundles a TypeScript helper from tests/helpers into a runnable script for child processes. */
export async function bundleHelper(name: string): Promise<string> {
  const outfile = join(ROOT, 'node_modules', '.cache', 'parley', `${name}.mjs`);
  await build({
    absWorkingDir: ROOT, entryPoints: [`tests/helpers/${name}.ts`], outfile, bundle: true, format: 'esm',
    platform: 'node', target: 'node20', logLevel: 'warning',
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
  return outfile;
}

// Types for the plain-JS case finder, so the TypeScript tests can import it.
export interface EvalCase {
  name: string;
  group: string;
  dir: string;
  article: string;
}
export function isCase(dir: string): boolean;
export function groupOf(name: string, folder: string): string;
export function casesIn(dir: string): EvalCase[];

import { readdirSync, readFileSync } from 'node:fs';

const root = new URL('../bench/data/', import.meta.url);

/** Text of a file under `bench/data/` (the benchmark instances shipped with the package). */
export function readBenchData(path: string): string {
  return readFileSync(new URL(path, root), 'utf8');
}

/** File names in a folder under `bench/data/`. */
export function listBenchData(folder: string): string[] {
  return readdirSync(new URL(folder.endsWith('/') ? folder : `${folder}/`, root)).sort();
}

/** Rows of a `bench/data` CSV as objects keyed by the header. */
export function readBenchCsv(path: string): Record<string, string>[] {
  const [head, ...rows] = readBenchData(path).trim().split(/\r?\n/);
  const keys = head!.split(',');
  return rows.map((row) => {
    const cells = row.split(',');
    return Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? '']));
  });
}

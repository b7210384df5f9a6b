import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIo } from '../io.js';
import { REPORT_CHARTS } from '../report/charts/chart-names.js';
import { runCli } from '../run-cli.js';

async function run(...argv: string[]) {
  const io = captureIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const dir = await mkdtemp(join(tmpdir(), 's2b2b-day-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('s2b2b day and s2b2b report', () => {
  it('day --json: every check of the small day holds on memory storage, the same for the same seed', async () => {
    const first = await run('day', '--storage', 'memory', '--seed', '7', '--json');
    expect(first.code).toBe(0);
    const day = JSON.parse(first.out) as { checks: Record<string, boolean>; headlines: unknown };
    expect(Object.keys(day.checks).length).toBeGreaterThan(5);
    expect(Object.entries(day.checks).filter(([, ok]) => !ok)).toEqual([]);
    const again = JSON.parse((await run('day', '--storage', 'memory', '--seed', '7', '--json')).out);
    expect(again.headlines).toEqual(day.headlines);
  });

  it('report --out writes one self-contained HTML file with every chart', async () => {
    const file = join(dir, 'nested', 'day.html');
    const { code, out } = await run('report', '--storage', 'memory', '--out', file);
    expect(code).toBe(0);
    expect(out).toContain('wrote ');
    const html = await readFile(file, 'utf8');
    for (const chart of REPORT_CHARTS) expect(html).toContain(`data-chart="${chart}"`);
    expect(html).not.toMatch(/<script|src="http|href="http/);
  });

  it('report refuses a stray argument as a usage error (exit 2), writing nothing', async () => {
    const { code, err } = await run('report', 'day.html', '--storage', 'memory');
    expect(code).toBe(2);
    expect(err).toContain('--out');
  });
});

import { describe, expect, it } from 'vitest';
import type { CliStream } from './io.js';
import { createProgressBar } from './progress.js';

function stream(isTTY: boolean): CliStream & { chunks: string[] } {
  const chunks: string[] = [];
  return { chunks, isTTY, columns: 80, write: (chunk: string) => chunks.push(chunk) };
}

describe('createProgressBar', () => {
  it('writes nothing when the stream is not a terminal', () => {
    const out = stream(false);
    const bar = createProgressBar({ stream: out, total: 200, label: 'events' });
    for (let i = 0; i < 200; i++) bar.tick();
    bar.finish();
    expect(bar.enabled).toBe(false);
    expect(out.chunks).toEqual([]);
  });

  it('writes nothing when disabled (--json), even on a terminal', () => {
    const out = stream(true);
    const bar = createProgressBar({ stream: out, total: 10, enabled: false });
    bar.tick(10);
    bar.finish();
    expect(out.chunks).toEqual([]);
  });

  it('redraws in place with \\r at most once per interval, then clears the line', () => {
    const out = stream(true);
    let now = 0;
    const bar = createProgressBar({ stream: out, total: 200, label: 'events', now: () => now });
    for (let i = 0; i < 200; i++) {
      bar.tick();
      now += 5; // 200 ticks over one second
    }
    bar.finish();
    const draws = out.chunks.slice(0, -1);
    expect(draws.length).toBeGreaterThanOrEqual(9);
    expect(draws.length).toBeLessThanOrEqual(11);
    for (const chunk of draws) {
      expect(chunk.startsWith('\r')).toBe(true);
      expect(chunk).not.toContain('\n');
    }
    expect(draws[0]).toContain('events');
    expect(draws[0]).toContain('1/200');
    expect(out.chunks.at(-1)).toMatch(/^\r +\r$/);
  });

  it('shows the share done', () => {
    const out = stream(true);
    let now = 0;
    const bar = createProgressBar({ stream: out, total: 4, now: () => now });
    bar.tick(2);
    now += 1000;
    bar.update(4);
    expect(out.chunks[0]).toContain(' 50% 2/4');
    expect(out.chunks[1]).toContain('100% 4/4');
    expect(out.chunks[1]).toContain('█'.repeat(24));
  });
});

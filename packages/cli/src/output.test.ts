import { describe, expect, it } from 'vitest';
import { captureIo } from './io.js';
import { createPrinter, useColor } from './output.js';

describe('createPrinter', () => {
  it('prints headings with a rule as wide as the text, tables indented', () => {
    const io = captureIo();
    const out = createPrinter(io, { json: false });
    out.heading('动销率 report');
    out.table([{ sku: 'TEA', qty: 3 }]);
    expect(io.out()).toBe('\n动销率 report\n─────────────\n  sku  qty\n  ───  ───\n  TEA    3\n');
  });

  it('prints nothing under --json', () => {
    const io = captureIo();
    const out = createPrinter(io, { json: true });
    out.heading('x');
    out.line('y');
    out.note('z');
    out.paragraph('w');
    out.table([{ a: 1 }]);
    expect(io.out()).toBe('');
  });

  it('wraps paragraphs', () => {
    const io = captureIo();
    createPrinter(io, { json: false }).paragraph(`${'word '.repeat(30)}end`, { indent: '  ' });
    const lines = io.out().trimEnd().split('\n');
    expect(lines.length).toBe(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
  });
});

describe('useColor', () => {
  const tty = { write: () => true, isTTY: true };
  const pipe = { write: () => true, isTTY: false };
  it('colours a terminal unless NO_COLOR or FORCE_COLOR=0, and FORCE_COLOR forces it', () => {
    expect(useColor({ stdout: tty, env: {} })).toBe(true);
    expect(useColor({ stdout: pipe, env: {} })).toBe(false);
    expect(useColor({ stdout: tty, env: { NO_COLOR: '1' } })).toBe(false);
    expect(useColor({ stdout: tty, env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(useColor({ stdout: pipe, env: { FORCE_COLOR: '1' } })).toBe(true);
  });
});

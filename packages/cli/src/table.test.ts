import { describe, expect, it } from 'vitest';
import { renderTable } from './table.js';
import { displayWidth } from './text-width.js';

/** The display column where `needle` starts in `line`. */
function columnOf(line: string, needle: string): number {
  const index = line.indexOf(needle);
  expect(index).toBeGreaterThanOrEqual(0);
  return displayWidth(line.slice(0, index));
}

describe('renderTable', () => {
  it('aligns columns with CJK text counted as two columns wide', () => {
    const lines = renderTable([
      { 商户: '华东食品', 动销率: '92%', note: 'a' },
      { 商户: 'Acme', 动销率: '7%', note: 'b' },
    ]);
    expect(lines).toEqual([
      '商户      动销率  note',
      '────────  ──────  ────',
      '华东食品     92%  a',
      'Acme          7%  b',
    ]);
    // The third column starts at the same display column on every line.
    const starts = [columnOf(lines[0]!, 'note'), columnOf(lines[2]!, 'a'), columnOf(lines[3]!, 'b')];
    expect(new Set(starts).size).toBe(1);
  });

  it('right-aligns numbers and amounts, left-aligns text', () => {
    const lines = renderTable([
      { name: '小王便利店', qty: 5, amount: '¥1,234.50' },
      { name: 'Lotus Mart', qty: 120, amount: '-¥33.33' },
    ]);
    expect(lines[2]).toBe('小王便利店    5  ¥1,234.50');
    expect(lines[3]).toBe('Lotus Mart  120    -¥33.33');
    // Numbers end in the same column.
    expect(displayWidth(lines[2]!)).toBe(displayWidth(lines[3]!));
  });

  it('treats a column as text when any cell is not numeric', () => {
    const lines = renderTable([{ code: '12' }, { code: 'A7' }]);
    expect(lines[2]).toBe('12');
    expect(lines[3]).toBe('A7');
  });

  it('takes explicit columns, headers, alignment, indent, max width and no header', () => {
    const rows = [{ id: 'ord_0123456789abcdef', n: 'x' }];
    expect(
      renderTable(rows, {
        columns: [
          { key: 'n', header: 'N', align: 'right' },
          { key: 'id', maxWidth: 8 },
        ],
        indent: '  ',
      }),
    ).toEqual(['  N  id', '  ─  ────────', '  x  ord_012…']);
    expect(renderTable(rows, { header: false, columns: ['n'] })).toEqual(['x']);
  });

  it('renders nothing for no columns and empty cells for missing values', () => {
    expect(renderTable([])).toEqual([]);
    expect(
      renderTable([
        { a: 1, b: null },
        { a: undefined, b: 'y' },
      ]),
    ).toEqual(['a  b', '─  ─', '1', '   y']);
  });
});

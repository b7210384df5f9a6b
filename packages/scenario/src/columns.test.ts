import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Column } from './columns.js';

describe('Column', () => {
  it('grows past its capacity and keeps every value in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 65_535 }), { maxLength: 300 }), (values) => {
        const column = new Column(Uint16Array, 2);
        for (const v of values) column.push(v);
        expect(column.length).toBe(values.length);
        expect(Array.from(column.values())).toEqual(values);
      }),
    );
  });

  it('returns a trimmed copy', () => {
    const column = new Column(Uint32Array, 8);
    column.push(7);
    const values = column.values();
    column.push(9);
    expect(values).toEqual(Uint32Array.of(7));
    expect(column.values()).toEqual(Uint32Array.of(7, 9));
  });
});

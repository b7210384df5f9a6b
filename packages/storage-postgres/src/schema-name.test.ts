import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { quoteSchema } from './schema-name.js';

describe('quoteSchema', () => {
  it('quotes valid names, keywords included', () => {
    expect(quoteSchema('s2b2b')).toBe('"s2b2b"');
    expect(quoteSchema('_x')).toBe('"_x"');
    expect(quoteSchema('user')).toBe('"user"');
    expect(quoteSchema('a'.repeat(63))).toBe(`"${'a'.repeat(63)}"`);
  });

  it('rejects anything else with a ValidationError on schema', () => {
    const bad = [
      '',
      'Bad',
      '1abc',
      'a-b',
      'a b',
      'pg_catalog',
      'a'.repeat(64),
      'a"; DROP TABLE x; --',
      'é',
      7,
      null,
    ];
    for (const schema of bad) {
      expect(() => quoteSchema(schema)).toThrow(ValidationError);
      try {
        quoteSchema(schema);
      } catch (error) {
        expect((error as ValidationError).issues[0]?.path).toEqual(['schema']);
      }
    }
  });
});

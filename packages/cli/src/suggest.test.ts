import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from './suggest.js';

const COMMANDS = ['demo', 'example', 'migrations', 'help'];

describe('suggest', () => {
  it('finds typos, swaps and prefixes', () => {
    expect(suggest('dmeo', COMMANDS)).toBe('demo');
    expect(suggest('exmaple', COMMANDS)).toBe('example');
    expect(suggest('migration', COMMANDS)).toBe('migrations');
    expect(suggest('mig', COMMANDS)).toBe('migrations');
    expect(suggest('DEMO', COMMANDS)).toBe('demo');
  });

  it('suggests nothing for unrelated words', () => {
    expect(suggest('zzz', COMMANDS)).toBeUndefined();
    expect(suggest('deploy', COMMANDS)).toBeUndefined();
  });

  it('measures edit distance with adjacent swaps as one edit', () => {
    expect(editDistance('dmeo', 'demo')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

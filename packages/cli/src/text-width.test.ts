import { describe, expect, it } from 'vitest';
import {
  displayWidth,
  isWideCodePoint,
  padToWidth,
  stripAnsi,
  truncateToWidth,
  wrapText,
} from './text-width.js';

describe('displayWidth', () => {
  it('counts CJK, kana, hangul and fullwidth forms as two columns', () => {
    expect(displayWidth('动销率')).toBe(6);
    expect(displayWidth('カナ')).toBe(4);
    expect(displayWidth('한국')).toBe(4);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('，')).toBe(2);
  });

  it('counts ASCII, the yen sign and Latin accents as one column', () => {
    expect(displayWidth('¥166.67')).toBe(7);
    expect(displayWidth('café')).toBe(4);
    expect(displayWidth('cafe\u0301')).toBe(4);
  });

  it('ignores ANSI colour sequences', () => {
    expect(displayWidth('\u001b[1m动销率\u001b[22m')).toBe(6);
    expect(stripAnsi('\u001b[31mred\u001b[39m')).toBe('red');
  });

  it('counts emoji as wide', () => {
    expect(isWideCodePoint('📦'.codePointAt(0)!)).toBe(true);
    expect(isWideCodePoint('A'.codePointAt(0)!)).toBe(false);
  });
});

describe('padToWidth / truncateToWidth / wrapText', () => {
  it('pads by display width', () => {
    expect(padToWidth('华东', 6)).toBe('华东  ');
    expect(padToWidth('42', 5, 'right')).toBe('   42');
    expect(padToWidth('too long', 3)).toBe('too long');
  });

  it('truncates with an ellipsis without splitting a wide character', () => {
    expect(truncateToWidth('supply-platform', 8)).toBe('supply-…');
    expect(truncateToWidth('华东食品有限公司', 7)).toBe('华东食…');
    expect(displayWidth(truncateToWidth('华东食品有限公司', 7))).toBeLessThanOrEqual(7);
    expect(truncateToWidth('short', 10)).toBe('short');
  });

  it('wraps at spaces', () => {
    expect(wrapText('split a shipping bill to the cent', 12)).toEqual([
      'split a',
      'shipping',
      'bill to the',
      'cent',
    ]);
    expect(wrapText('', 10)).toEqual(['']);
  });
});

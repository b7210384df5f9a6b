import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../html/escape-html.js';
import { svgElement, svgText, svgTitle } from './svg-element.js';
import { svgNumber } from './svg-number.js';

describe('escapeHtml', () => {
  it('escapes the five characters with a meaning in HTML', () => {
    expect(escapeHtml('<b>"A&B"</b>')).toBe('&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;');
    expect(escapeHtml("<script>alert('x')</script>")).toBe('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(escapeHtml('上海 → 武汉 ¥811.20')).toBe('上海 → 武汉 ¥811.20');
  });
});

describe('svgNumber', () => {
  it('rounds to two decimals without -0', () => {
    expect(svgNumber(12.3456)).toBe('12.35');
    expect(svgNumber(-0.001)).toBe('0');
    expect(svgNumber(-0)).toBe('0');
    expect(svgNumber(400)).toBe('400');
    expect(svgNumber(-7.5)).toBe('-7.5');
  });

  it('refuses NaN and infinities, naming the attribute', () => {
    expect(() => svgNumber(Number.NaN, 'width')).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['width'], code: 'not_finite' })] }),
    );
    expect(() => svgNumber(Number.POSITIVE_INFINITY, 'cx')).toThrow(/finite/);
  });
});

describe('svgElement', () => {
  it('writes numbers checked, strings escaped, undefined left out', () => {
    expect(
      svgElement('rect', { x: 1, y: 2.5, width: 10, height: 4, fill: '#2563eb', class: undefined }),
    ).toBe('<rect x="1" y="2.5" width="10" height="4" fill="#2563eb"/>');
    expect(svgElement('g', { 'aria-label': 'a "b" <c>' }, ['<circle r="1"/>', '<circle r="2"/>'])).toBe(
      '<g aria-label="a &quot;b&quot; &lt;c&gt;"><circle r="1"/><circle r="2"/></g>',
    );
    expect(() => svgElement('rect', { width: Number.NaN })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['width'] })] }),
    );
  });

  it('escapes text and tooltips', () => {
    expect(svgText(10, 20, 'A & B', { 'text-anchor': 'end' })).toBe(
      '<text x="10" y="20" text-anchor="end">A &amp; B</text>',
    );
    expect(svgTitle('<script>')).toBe('<title>&lt;script&gt;</title>');
  });
});

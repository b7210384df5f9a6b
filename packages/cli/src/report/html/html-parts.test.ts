import { describe, expect, it } from 'vitest';
import { chartSection } from './chart-section.js';
import { formatNumber } from './format-number.js';
import { headlineCards } from './headline-cards.js';
import { htmlTable } from './html-table.js';
import { legend } from './legend.js';
import { moneyText, moneyTickFormat, moneyValue } from './money-text.js';
import { categoryColor, mixColor } from './palette.js';
import { reportDocument } from './report-document.js';
import { shownNote } from './shown-note.js';

describe('colours', () => {
  it('mixes two colours channel by channel and clamps the position', () => {
    expect(mixColor('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mixColor('#eef2ff', '#3730a3', 0)).toBe('#eef2ff');
    expect(mixColor('#eef2ff', '#3730a3', 1)).toBe('#3730a3');
    expect(mixColor('#000000', '#ffffff', 7)).toBe('#ffffff');
    expect(mixColor('#000000', '#ffffff', Number.NaN)).toBe('#000000');
  });

  it('repeats ten category colours', () => {
    expect(categoryColor(0)).toBe('#2563eb');
    expect(categoryColor(10)).toBe('#2563eb');
    expect(categoryColor(-1)).toBe(categoryColor(9));
  });
});

describe('money and numbers', () => {
  it('formats money JSON with formatMoney and reads it as a number for geometry', () => {
    expect(moneyText({ amount: '12345.5', currency: 'CNY' })).toBe('¥12,345.50');
    expect(moneyText({ amount: '-0.5', currency: 'USD' })).toBe('-$0.50');
    expect(moneyValue({ amount: '-12.50', currency: 'CNY' })).toBe(-12.5);
    expect(moneyTickFormat('CNY', 10_000)(40_000)).toBe('¥40k');
    expect(moneyTickFormat('CNY', 500)(-1500)).toBe('-¥1,500');
    expect(() => moneyText({ amount: '1e3', currency: 'CNY' })).toThrow();
  });

  it('formats counts with grouping and at most the given decimals', () => {
    expect(formatNumber(12_345.678)).toBe('12,345.7');
    expect(formatNumber(40)).toBe('40');
    expect(formatNumber(1_635.66, 0)).toBe('1,636');
    expect(formatNumber(-0.01)).toBe('0');
    expect(formatNumber(-1234.25, 2)).toBe('-1,234.25');
    expect(formatNumber(1_000_000.04)).toBe('1,000,000');
    expect(formatNumber(0.5, 0)).toBe('1');
  });

  it('says how much of a list a chart shows', () => {
    expect(shownNote(20, 312, 'largest', 'merchants')).toBe('Showing the 20 largest of 312 merchants.');
    expect(shownNote(5, 5, 'largest', 'merchants')).toBeUndefined();
  });
});

describe('markup pieces', () => {
  it('escapes every text of a legend, a table, a section and the headline cards', () => {
    const evil = '<script>alert(1)</script>';
    const html = [
      legend([{ label: evil, color: '#000000' }]),
      htmlTable([{ header: evil }, { header: 'n', numeric: true }], [[evil, '1']], [evil, '2']),
      chartSection({ name: 'x', title: evil, description: evil, body: '', note: evil }),
      headlineCards([{ label: evil, value: evil, detail: evil }]),
      reportDocument(evil, ''),
    ].join('');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('right-aligns numeric columns and keeps markup cells', () => {
    expect(
      htmlTable([{ header: 'Vehicle' }, { header: 'km', numeric: true }], [[{ html: '<b>V1</b>' }, '12.5']]),
    ).toBe(
      '<table class="data"><thead><tr><th>Vehicle</th><th class="num">km</th></tr></thead><tbody><tr><td><b>V1</b></td><td class="num">12.5</td></tr></tbody></table>',
    );
  });

  it('draws legend keys by shape and no legend for no keys', () => {
    expect(legend([{ label: 'Forecast', color: '#1d4ed8', shape: 'dashed' }])).toBe(
      '<ul class="legend"><li><span class="key key-dashed" style="border-color:#1d4ed8"></span>Forecast</li></ul>',
    );
    expect(legend([])).toBe('');
  });

  it('marks a section with data-chart and an id', () => {
    const section = chartSection({
      name: 'stock',
      title: 'Stock',
      description: 'Units.',
      body: '<svg></svg>',
    });
    expect(section).toBe(
      '<section class="card" data-chart="stock" id="chart-stock"><h2>Stock</h2><p class="lead">Units.</p><svg></svg></section>',
    );
  });

  it('writes a page that forbids every fetch', () => {
    const page = reportDocument('Day', '<main></main>');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(page).toContain('<meta charset="utf-8">');
  });
});

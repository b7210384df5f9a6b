import { describe, expect, it } from 'vitest';
import { mostSpecificCover, regionCovers, regionSpecificity } from './region.js';

describe('regionCovers', () => {
  it('covers the region itself and the regions below it, never a sibling with a longer name', () => {
    expect(regionCovers('浙江', '浙江')).toBe(true);
    expect(regionCovers('浙江', '浙江/杭州')).toBe(true);
    expect(regionCovers('浙江', '浙江/杭州/西湖')).toBe(true);
    expect(regionCovers('浙江', '浙江省')).toBe(false);
    expect(regionCovers('浙江/杭州', '浙江')).toBe(false);
    expect(regionCovers('CN-ZJ', 'CN-ZJX/1')).toBe(false);
    expect(regionCovers('*', '新疆/阿勒泰')).toBe(true);
  });
});

describe('regionSpecificity and mostSpecificCover', () => {
  it('counts segments and picks the narrowest cover, the first on ties', () => {
    expect(regionSpecificity('*')).toBe(0);
    expect(regionSpecificity('A/B/C')).toBe(3);
    expect(mostSpecificCover(['*', '新疆', '新疆/阿勒泰'], '新疆/阿勒泰/布尔津')).toBe('新疆/阿勒泰');
    expect(mostSpecificCover(['西藏', '青海'], '新疆')).toBeNull();
    expect(mostSpecificCover(['A', 'A'], 'A/B')).toBe('A');
  });
});

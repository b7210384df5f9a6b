import { describe, expect, it } from 'vitest';
import { haversineKm } from './haversine.js';

describe('haversineKm', () => {
  it('matches the textbook great-circle distances', () => {
    // One degree of latitude on the mean sphere: 2πR/360 = 111.195 km.
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111.195, 3);
    // A quarter of the equator.
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 0, lng: 90 })).toBeCloseTo((Math.PI / 2) * 6371.0088, 9);
    // Antipodes: half the circumference (to the metre: h rounds near 1 there), never NaN.
    expect(haversineKm({ lat: 10, lng: 20 }, { lat: -10, lng: -160 })).toBeCloseTo(Math.PI * 6371.0088, 3);
    expect(haversineKm({ lat: 31.2304, lng: 121.4737 }, { lat: 31.2304, lng: 121.4737 })).toBe(0);
  });

  it('is symmetric', () => {
    const a = { lat: 31.2304, lng: 121.4737 };
    const b = { lat: 39.9042, lng: 116.4074 };
    expect(haversineKm(a, b)).toBe(haversineKm(b, a));
    expect(haversineKm(a, b)).toBeGreaterThan(1060);
    expect(haversineKm(a, b)).toBeLessThan(1075);
  });
});

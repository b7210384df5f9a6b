import type { Rng } from '@s2b2b/core';
import type { ScaleSettings } from './scales.js';
import type { City, Customer, Merchant, MerchantSize, Region, VerticalId } from './types.js';
import { VERTICALS, verticalOf } from './verticals.js';

const SIZES: readonly [MerchantSize, number, number][] = [
  // size, share, customers (before the scale's multiplier)
  ['micro', 0.35, 3],
  ['small', 0.3, 7],
  ['medium', 0.25, 16],
  ['large', 0.1, 35],
];
const SCORE: Readonly<Record<MerchantSize, [number, number]>> = {
  micro: [600, 50],
  small: [630, 45],
  medium: [660, 40],
  large: [690, 35],
};
const SUFFIX: Readonly<Record<VerticalId, readonly string[]>> = {
  fresh: ['鲜生', '优选', '果蔬', '食材'],
  apparel: ['服饰', '衣橱', '潮牌', '织造'],
  industrial: ['五金', '机电', '工品', '实业'],
};
const TRADE = ['商行', '供应链', '贸易', '商贸'];

/**
 * The merchants: the first fifteen cover every region × vertical once (so every pair has
 * someone selling), the rest are drawn by the regions' demand shares. Sizes are micro 35 %,
 * small 30 %, medium 25 %, large 10 % (large ones may sell in two verticals); credit scores
 * rise with size; three in four pay at checkout with purchase loans.
 *
 * @example
 * generateMerchants(rng, SCALES.small, REGIONS, cities).length // 15
 */
export function generateMerchants(
  rng: Rng,
  settings: ScaleSettings,
  regions: readonly Region[],
  cities: readonly City[],
): Merchant[] {
  const names = new Set<string>();
  const merchants: Merchant[] = [];
  for (let i = 0; i < settings.merchants; i++) {
    const covering = i < regions.length * VERTICALS.length;
    const region = covering ? regions[Math.floor(i / VERTICALS.length)]! : pickWeighted(rng, regions);
    const vertical = covering ? VERTICALS[i % VERTICALS.length]!.id : rng.pick(VERTICALS).id;
    const size = pickSize(rng);
    const verticals: VerticalId[] = [vertical];
    if (size === 'large' && rng.next() < 0.5) {
      verticals.push(rng.pick(VERTICALS.filter((v) => v.id !== vertical)).id);
    }
    const regionCities = cities.filter((c) => c.region === region.id);
    const city = rng.next() < 0.5 ? regionCities[0]! : rng.pick(regionCities);
    let name = `${city.id}${rng.pick(SUFFIX[vertical])}${rng.pick(TRADE)}`;
    for (let k = 2; names.has(name); k++)
      name = `${city.id}${rng.pick(SUFFIX[vertical])}${rng.pick(TRADE)}${k}`;
    names.add(name);
    const [mean, sd] = SCORE[size];
    merchants.push({
      merchantId: `M-${String(i + 1).padStart(3, '0')}`,
      name,
      size,
      region: region.id,
      cityId: city.id,
      verticals,
      creditScore: Math.round(Math.min(800, Math.max(480, rng.normal(mean, sd)))),
      usesCredit: rng.next() < 0.75,
    });
  }
  return merchants;
}

/**
 * Each merchant's business customers: 3 / 7 / 16 / 35 for micro / small / medium / large (× the
 * scale's `customersPerMerchant`, ± 30 %, at least 2), in its region — 45 % in the merchant's
 * own city — a few kilometres around the city centre. Most order from day 0; the others join
 * over the two years, and 15 % stop ordering some day, so the CRM sees new, loyal, at-risk and
 * churned customers.
 *
 * @example
 * generateCustomers(rng, SCALES.small, merchants, cities, 730).every((c) => c.joinDay <= 700) // true
 */
export function generateCustomers(
  rng: Rng,
  settings: ScaleSettings,
  merchants: readonly Merchant[],
  cities: readonly City[],
  historyDays: number,
): Customer[] {
  const customers: Customer[] = [];
  const seq = new Map<string, number>();
  for (const merchant of merchants) {
    const base = SIZES.find(([size]) => size === merchant.size)![2];
    const count = Math.max(2, Math.round(base * settings.customersPerMerchant * rng.uniform(0.7, 1.3)));
    const regionCities = cities.filter((c) => c.region === merchant.region);
    const home = regionCities.find((c) => c.id === merchant.cityId)!;
    for (let k = 0; k < count; k++) {
      const vertical = merchant.verticals[k % merchant.verticals.length]!;
      const kind = rng.pick(verticalOf(vertical).customerKinds);
      const city = rng.next() < 0.45 ? home : rng.pick(regionCities);
      const n = (seq.get(city.id + kind) ?? 0) + 1;
      seq.set(city.id + kind, n);
      const joinDay = rng.next() < 0.55 ? 0 : rng.int(0, historyDays - 30);
      const leaves = rng.next() < 0.15 && joinDay + 60 < historyDays - 1;
      customers.push({
        customerId: `C-${String(customers.length + 1).padStart(5, '0')}`,
        name: `${city.id}${kind}${n}号`,
        merchantId: merchant.merchantId,
        kind,
        vertical,
        cityId: city.id,
        region: merchant.region,
        lat: round4(city.lat + rng.normal(0, 0.045)),
        lng: round4(city.lng + rng.normal(0, 0.05)),
        weight: Math.exp(rng.normal(0, 0.7)),
        joinDay,
        leaveDay: leaves ? rng.int(joinDay + 60, historyDays - 1) : null,
      });
    }
  }
  return customers;
}

function pickSize(rng: Rng): MerchantSize {
  let u = rng.next();
  for (const [size, share] of SIZES) {
    if (u < share) return size;
    u -= share;
  }
  return 'micro';
}

function pickWeighted(rng: Rng, regions: readonly Region[]): Region {
  const total = regions.reduce((sum, r) => sum + r.weight, 0);
  let u = rng.uniform(0, total);
  for (const region of regions) {
    if (u < region.weight) return region;
    u -= region.weight;
  }
  return regions[regions.length - 1]!;
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

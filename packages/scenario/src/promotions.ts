import type { Rng } from '@s2b2b/core';
import { dateOfDay, dayOfDate } from './calendar.js';
import { fen } from './catalog.js';
import type { ScenarioCalendar, ScenarioPromotion, Sku } from './types.js';

/** Flash sales a year on every SKU with regular demand. */
export const FLASH_SALES_PER_YEAR = 3;

/**
 * The promotion calendar:
 * - platform campaigns (满减) for every 618 (June 1-18) and Double 11 (November 1-11) inside the
 *   scenario, over all verticals — Double 11: ¥80 off ¥1,500, ¥260 off ¥4,000, ¥800 off
 *   ¥10,000; 618: ¥60 off ¥2,000, ¥200 off ¥5,000, ¥500 off ¥10,000 (their lift is the festival's);
 * - apparel clearances (打折): winter items 30 % off on March 1-15, summer items 25 % off on
 *   August 16-31 (lift × 1.5 and × 1.4);
 * - flash sales (秒杀): {@link FLASH_SALES_PER_YEAR} a year on every SKU with regular demand,
 *   10:00-14:00 on a random day at 80 % of the list price, with a limited stock and a limit per
 *   customer (lift × 1.8); and on the simulated day three more, 10:00-12:00, on the first SKU
 *   of each vertical.
 *
 * @example
 * generatePromotions(rng, skus, SCENARIO_CALENDAR).filter((p) => p.type === 'threshold').map((p) => p.id)
 * // ['D11-2024', '618-2025', 'D11-2025', '618-2026', 'D11-2026']
 */
export function generatePromotions(
  rng: Rng,
  skus: readonly Sku[],
  calendar: ScenarioCalendar,
): ScenarioPromotion[] {
  const last = calendar.historyDays;
  const promotions: ScenarioPromotion[] = [];
  const years = [2024, 2025, 2026];
  const push = (p: ScenarioPromotion | null) => {
    if (p) promotions.push(p);
  };
  const window = (from: string, to: string) => {
    const firstDay = Math.max(0, dayOfDate(from, calendar));
    const lastDay = Math.min(last, dayOfDate(to, calendar));
    return firstDay > lastDay ? null : { firstDay, lastDay };
  };
  const campaigns: [string, string, string, string, { spend: string; off: string }[]][] = [];
  for (const year of years) {
    campaigns.push([`618-${year}`, `${year} 618 年中大促`, `${year}-06-01`, `${year}-06-18`, TIERS_618]);
    campaigns.push([`D11-${year}`, `${year} 双11 狂欢`, `${year}-11-01`, `${year}-11-11`, TIERS_D11]);
  }
  for (const [id, name, from, to, tiers] of campaigns.sort((a, b) => a[2].localeCompare(b[2]))) {
    const span = window(from, to);
    if (!span) continue;
    push({
      id,
      name,
      type: 'threshold',
      ...instants(span, calendar),
      ...span,
      skus: null,
      verticals: ['fresh', 'apparel', 'industrial'],
      tiers,
      uplift: 1,
    });
  }
  for (const year of years) {
    for (const [season, from, to, percentOff, uplift] of CLEARANCES) {
      const span = window(`${year}-${from}`, `${year}-${to}`);
      const covered = skus.filter(
        (s) => s.vertical === 'apparel' && s.pattern === 'seasonal' && seasonOf(s.peakDayOfYear) === season,
      );
      if (!span || covered.length === 0) continue;
      push({
        id: `CLR-${season === 'winter' ? 'W' : 'S'}-${year}`,
        name: `${year} ${season === 'winter' ? '冬装' : '夏装'}换季清仓`,
        type: 'percent-off',
        ...instants(span, calendar),
        ...span,
        skus: covered.map((s) => s.sku),
        verticals: ['apparel'],
        percentOff,
        uplift,
      });
    }
  }
  const flash: ScenarioPromotion[] = [];
  for (const sku of skus) {
    if (sku.pattern === 'intermittent') continue;
    const count = Math.round((FLASH_SALES_PER_YEAR * last) / 365);
    const days = new Set<number>();
    for (let k = 0; k < count; k++) days.add(rng.int(1, last - 1));
    for (const day of days) flash.push(flashSale(sku, day, '10:00', '14:00', calendar));
  }
  for (const vertical of ['fresh', 'apparel', 'industrial'] as const) {
    const sku = skus.find((s) => s.vertical === vertical && s.pattern !== 'intermittent');
    if (sku) flash.push(flashSale(sku, last, '10:00', '12:00', calendar));
  }
  flash.sort((a, b) => a.firstDay - b.firstDay || a.id.localeCompare(b.id));
  return [...promotions, ...flash];
}

const TIERS_618 = [
  { spend: '2000', off: '60' },
  { spend: '5000', off: '200' },
  { spend: '10000', off: '500' },
];
const TIERS_D11 = [
  { spend: '1500', off: '80' },
  { spend: '4000', off: '260' },
  { spend: '10000', off: '800' },
];
const CLEARANCES: readonly ['winter' | 'summer', string, string, string, number][] = [
  ['winter', '03-01', '03-15', '30%', 1.5],
  ['summer', '08-16', '08-31', '25%', 1.4],
];

function seasonOf(peak: number | null): 'winter' | 'summer' | 'other' {
  if (peak === null) return 'other';
  if (peak >= 320 || peak <= 40) return 'winter';
  if (peak >= 150 && peak <= 230) return 'summer';
  return 'other';
}

function flashSale(
  sku: Sku,
  day: number,
  from: string,
  to: string,
  calendar: ScenarioCalendar,
): ScenarioPromotion {
  const date = dateOfDay(day, calendar);
  return {
    id: `FS-${sku.sku}-${date}`,
    name: `${sku.name} 秒杀`,
    type: 'flash-sale',
    startsAt: `${date}T${from}:00+08:00`,
    endsAt: `${date}T${to}:00+08:00`,
    firstDay: day,
    lastDay: day,
    skus: [sku.sku],
    verticals: [sku.vertical],
    price: fen(Math.round(sku.priceMinor * 0.8)),
    stock: Math.round(8 * sku.meanLineQuantity),
    perCustomerLimit: Math.round(2 * sku.meanLineQuantity),
    uplift: 1.8,
  };
}

function instants(span: { firstDay: number; lastDay: number }, calendar: ScenarioCalendar) {
  return {
    startsAt: `${dateOfDay(span.firstDay, calendar)}T00:00:00+08:00`,
    endsAt: `${dateOfDay(span.lastDay + 1, calendar)}T00:00:00+08:00`,
  };
}

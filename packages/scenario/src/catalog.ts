import type { Rng } from '@s2b2b/core';
import type { ScaleSettings } from './scales.js';
import type { DemandPattern, Sku, VerticalId } from './types.js';
import { VERTICALS } from './verticals.js';

type Season = 'winter' | 'summer' | 'spring' | 'all';

/** Product names per vertical, with the season a name peaks in. */
const NAMES: Readonly<Record<VerticalId, readonly [string, Season][]>> = {
  fresh: [
    ['鲜牛奶 950ml×12', 'all'],
    ['草鸡蛋 30枚×6', 'winter'],
    ['西红柿 5kg', 'summer'],
    ['冷鲜猪里脊 1kg×5', 'winter'],
    ['鸡胸肉 2kg×4', 'all'],
    ['阳光玫瑰葡萄 2kg', 'summer'],
    ['有机菠菜 500g×20', 'spring'],
    ['三文鱼刺身 500g×4', 'winter'],
    ['香蕉 10kg', 'all'],
    ['豆腐 500g×10', 'all'],
    ['基围虾 1kg×5', 'winter'],
    ['生菜 3kg', 'summer'],
    ['牛腩 1kg×5', 'winter'],
    ['蓝莓 125g×12', 'summer'],
    ['土豆 10kg', 'all'],
    ['酸奶 200g×24', 'summer'],
  ],
  apparel: [
    ['纯棉T恤', 'summer'],
    ['羽绒服', 'winter'],
    ['牛仔裤', 'all'],
    ['连帽卫衣', 'spring'],
    ['羊毛衫', 'winter'],
    ['防晒衣', 'summer'],
    ['衬衫', 'spring'],
    ['运动裤', 'all'],
    ['冲锋衣', 'winter'],
    ['连衣裙', 'summer'],
    ['针织开衫', 'spring'],
    ['工装夹克', 'spring'],
    ['保暖内衣', 'winter'],
    ['短裤', 'summer'],
    ['风衣', 'spring'],
    ['Polo衫', 'summer'],
  ],
  industrial: [
    ['劳保手套 12副', 'all'],
    ['安全帽', 'all'],
    ['六角螺栓 M8×50 100只', 'all'],
    ['深沟球轴承 6205', 'all'],
    ['BV电线 2.5mm² 100m', 'all'],
    ['液压油 18L', 'all'],
    ['切割片 105mm 50片', 'all'],
    ['尼龙扎带 4×200 1000条', 'all'],
    ['防护眼镜', 'all'],
    ['电动扳手', 'all'],
    ['封箱胶带 48mm 24卷', 'all'],
    ['钢丝绳 6mm 100m', 'all'],
    ['O型密封圈套装', 'all'],
    ['焊条 J422 5kg', 'all'],
    ['反光背心', 'all'],
    ['灭火器 4kg', 'all'],
  ],
};

const PREFIX: Readonly<Record<VerticalId, string>> = { fresh: 'FR', apparel: 'AP', industrial: 'IN' };
const PEAK: Readonly<Record<Season, number | null>> = { winter: 355, summer: 190, spring: 95, all: null };

/**
 * The catalogue: `skusPerVertical` SKUs of each vertical (`FR-001`, `AP-001`, `IN-001`, …) with
 * prices, costs, weights, packs, shelf lives and a demand pattern. The last SKUs of each
 * vertical are its long tail of intermittent items (the vertical's `intermittentShare`, at
 * least one where the share is 10 % or more); apparel's first `trendShare` are fashion items
 * with a life of their own; the others follow their season (or none).
 *
 * @example
 * generateCatalog(createRng(1).fork('catalog'), SCALES.small).map((s) => s.sku) // ['FR-001', …, 'IN-004']
 */
export function generateCatalog(rng: Rng, settings: ScaleSettings): Sku[] {
  const skus: Sku[] = [];
  for (const vertical of VERTICALS) {
    const n = settings.skusPerVertical;
    const share = vertical.traits.intermittentShare;
    const intermittent = Math.max(share >= 0.1 ? 1 : 0, Math.round(n * share));
    const trend = Math.round(n * vertical.traits.trendShare);
    const names = NAMES[vertical.id];
    for (let i = 0; i < n; i++) {
      const [base, season] = names[i % names.length]!;
      const round = Math.floor(i / names.length);
      const name = round === 0 ? base : `${base} 款${String.fromCharCode(65 + round)}`;
      const pattern: DemandPattern =
        i >= n - intermittent
          ? 'intermittent'
          : i < trend
            ? 'trend'
            : vertical.traits.seasonality >= 0.1 && PEAK[season] !== null
              ? 'seasonal'
              : 'smooth';
      skus.push(
        skuOf(rng, vertical.id, `${PREFIX[vertical.id]}-${String(i + 1).padStart(3, '0')}`, name, {
          pattern,
          peak: PEAK[season],
        }),
      );
    }
  }
  return skus;
}

function skuOf(
  rng: Rng,
  vertical: VerticalId,
  sku: string,
  name: string,
  shape: { pattern: DemandPattern; peak: number | null },
): Sku {
  const { pattern } = shape;
  const intermittent = pattern === 'intermittent';
  const draw = {
    fresh: () => ({
      price: rng.uniform(25, 220),
      weightKg: round(rng.uniform(2, 12), 1),
      packSize: 1,
      shelfLifeDays: rng.int(3, 21),
      meanLineQuantity: intermittent ? 12 : 4,
      leadTimeDays: 2,
    }),
    apparel: () => ({
      price: rng.uniform(35, 580),
      weightKg: round(rng.uniform(0.3, 1.8), 2),
      packSize: 10,
      shelfLifeDays: null,
      meanLineQuantity: intermittent ? 40 : 12,
      leadTimeDays: 10,
    }),
    industrial: () => ({
      price: rng.uniform(6, 1800),
      weightKg: round(rng.uniform(0.2, 25), 1),
      packSize: rng.next() < 0.5 ? 1 : 10,
      shelfLifeDays: null,
      meanLineQuantity: intermittent ? 30 : 8,
      leadTimeDays: 7,
    }),
  }[vertical]();
  const priceMinor = Math.round(draw.price * 10) * 10;
  const costMinor = Math.round(priceMinor * rng.uniform(0.58, 0.72));
  const peakDayOfYear = pattern === 'seasonal' && shape.peak !== null ? shape.peak + rng.int(-12, 12) : null;
  const trend = pattern === 'trend' ? { peakDay: rng.int(120, 760), widthDays: rng.int(60, 150) } : null;
  return {
    sku,
    name,
    vertical,
    unitPrice: fen(priceMinor),
    priceMinor,
    unitCost: fen(costMinor),
    weightKg: draw.weightKg,
    volumeM3: round(draw.weightKg * (vertical === 'apparel' ? 0.009 : 0.004), 4),
    packSize: draw.packSize,
    shelfLifeDays: draw.shelfLifeDays,
    coldChain: vertical === 'fresh',
    pattern,
    peakDayOfYear,
    trend,
    meanLineQuantity: draw.meanLineQuantity,
    leadTimeDays: draw.leadTimeDays,
  };
}

/**
 * Fen as a decimal string of yuan.
 *
 * @example
 * fen(123456) // '1234.56'
 */
export function fen(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

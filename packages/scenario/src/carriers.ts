import { CITIES } from './geography.js';
import type { CarrierRateCard, FirstAdditionalPricing, Warehouse, WeightBreaksPricing } from './types.js';

type Zone = CarrierRateCard['zones'][number];

/**
 * The carriers and their rate cards, from the warehouses' provinces: three zones each — within
 * the province (省内), to the rest of the warehouse's region (区域), and nationwide (全国).
 *
 * | carrier | mode | volumetric divisor | 省内 | 区域 | 全国 |
 * |---|---|---|---|---|---|
 * | SF 顺丰 | parcel, 0.5 kg steps, 6 % fuel | 6000 | ¥13 + ¥2/kg, 1 d | ¥18 + ¥5/kg, 1 d | ¥23 + ¥10/kg, 2 d |
 * | ZTO 中通 | parcel, 1 kg steps | 8000 | ¥8 + ¥1.5/kg, 2 d | ¥10 + ¥3/kg, 3 d | ¥12 + ¥5/kg, 4 d |
 * | DB 德邦快运 | LTL, ¥45 minimum | 6000 | ¥1.20/kg (0.90 from 100, 0.70 from 500 kg), 1 d | ¥1.60 (1.20, 0.90), 2 d | ¥2.60 (2.00, 1.50), 3 d |
 * | JDCOLD 京东冷链 | refrigerated parcel, 1 kg steps | 6000 | ¥20 + ¥4/kg, 1 d | ¥26 + ¥6/kg, 1 d | ¥35 + ¥9/kg, 2 d |
 *
 * Fresh goods travel only with a carrier whose `coldChain` is true.
 *
 * @example
 * carrierCards(WAREHOUSES).map((c) => c.carrierId) // ['SF', 'ZTO', 'DB', 'JDCOLD']
 */
export function carrierCards(warehouses: readonly Warehouse[]): CarrierRateCard[] {
  const origins = warehouses.map((w) => {
    const city = CITIES.find((c) => c.id === w.cityId)!;
    const regional = [...new Set(CITIES.filter((c) => c.region === w.region).map((c) => c.province))];
    return { province: city.province, regional: regional.filter((p) => p !== city.province) };
  });
  const zones = (
    days: [number, number, number],
    pricing: [Zone['pricing'], Zone['pricing'], Zone['pricing']],
  ): Zone[] => [
    {
      id: '省内',
      lanes: origins.map((o) => ({ from: o.province, to: o.province })),
      transitDays: days[0],
      pricing: pricing[0],
    },
    {
      id: '区域',
      lanes: origins.flatMap((o) => o.regional.map((to) => ({ from: o.province, to }))),
      transitDays: days[1],
      pricing: pricing[1],
    },
    { id: '全国', lanes: [{ from: '*', to: '*' }], transitDays: days[2], pricing: pricing[2] },
  ];
  return [
    {
      carrierId: 'SF',
      name: '顺丰速运',
      mode: 'parcel',
      volumetricDivisor: 6000,
      weightStepKg: 0.5,
      fuelRate: '6%',
      score: 95,
      coldChain: false,
      zones: zones(
        [1, 1, 2],
        [firstAdditional('13', '1'), firstAdditional('18', '2.5'), firstAdditional('23', '5')],
      ),
    },
    {
      carrierId: 'ZTO',
      name: '中通快递',
      mode: 'parcel',
      volumetricDivisor: 8000,
      weightStepKg: 1,
      score: 80,
      coldChain: false,
      zones: zones(
        [2, 3, 4],
        [firstAdditional('8', '0.75'), firstAdditional('10', '1.5'), firstAdditional('12', '2.5')],
      ),
    },
    {
      carrierId: 'DB',
      name: '德邦快运',
      mode: 'ltl',
      volumetricDivisor: 6000,
      weightStepKg: 1,
      minimumCharge: '45',
      score: 85,
      coldChain: false,
      zones: zones(
        [1, 2, 3],
        [breaks('1.20', '0.90', '0.70'), breaks('1.60', '1.20', '0.90'), breaks('2.60', '2.00', '1.50')],
      ),
    },
    {
      carrierId: 'JDCOLD',
      name: '京东冷链',
      mode: 'parcel',
      volumetricDivisor: 6000,
      weightStepKg: 1,
      score: 90,
      coldChain: true,
      zones: zones(
        [1, 1, 2],
        [firstAdditional('20', '2'), firstAdditional('26', '3'), firstAdditional('35', '4.5')],
      ),
    },
  ];
}

/** 首重 1 kg at `first`, then `perHalfKg` for every further 0.5 kg. */
function firstAdditional(first: string, perHalfKg: string): FirstAdditionalPricing {
  return { type: 'first-additional', firstWeightKg: 1, firstPrice: first, stepKg: 0.5, stepPrice: perHalfKg };
}

function breaks(base: string, from100: string, from500: string): WeightBreaksPricing {
  return {
    type: 'weight-breaks',
    breaks: [
      { fromKg: 0, perKg: base },
      { fromKg: 100, perKg: from100 },
      { fromKg: 500, perKg: from500 },
    ],
  };
}

import type { Vertical, VerticalId } from './types.js';

/**
 * The three verticals and their traits:
 *
 * | vertical | shelf life | cold chain | yearly cycle | fashion | intermittent | quality | rest days | cases |
 * |---|---|---|---|---|---|---|---|---|
 * | fresh 生鲜 | 3-21 days | yes | mild (0.15) | — | 10 % | batch checks | 0.85 | 6 % |
 * | apparel 服装 | keeps | no | strong (0.6) | 40 % | 15 % | — | 0.75 | 8 % |
 * | industrial 工业品 | keeps | no | flat (0.05) | — | 60 % | strict | 0.3 | 3 % |
 *
 * @example
 * VERTICALS.find((v) => v.id === 'industrial')!.traits.strictQuality // true
 */
export const VERTICALS: readonly Vertical[] = Object.freeze([
  {
    id: 'fresh',
    name: '生鲜',
    traits: {
      shelfLifeDays: [3, 21],
      coldChain: true,
      seasonality: 0.15,
      trendShare: 0,
      intermittentShare: 0.1,
      strictQuality: false,
      restDayFactor: 0.85,
      caseRate: 0.06,
    },
    requiredDocuments: ['business-licence', 'food-production-licence', 'cold-chain-certificate'],
    customerKinds: ['餐厅', '食堂', '便利店', '生鲜店', '酒店'],
  },
  {
    id: 'apparel',
    name: '服装',
    traits: {
      shelfLifeDays: null,
      coldChain: false,
      seasonality: 0.6,
      trendShare: 0.4,
      intermittentShare: 0.15,
      strictQuality: false,
      restDayFactor: 0.75,
      caseRate: 0.08,
    },
    requiredDocuments: ['business-licence', 'quality-inspection-report'],
    customerKinds: ['服装店', '买手店', '工作室', '百货专柜'],
  },
  {
    id: 'industrial',
    name: '工业品',
    traits: {
      shelfLifeDays: null,
      coldChain: false,
      seasonality: 0.05,
      trendShare: 0,
      intermittentShare: 0.6,
      strictQuality: true,
      restDayFactor: 0.3,
      caseRate: 0.03,
    },
    requiredDocuments: ['business-licence', 'iso-9001', 'product-certificate'],
    customerKinds: ['工厂', '维修厂', '工地', '五金店'],
  },
] satisfies Vertical[]);

/**
 * The vertical with this id.
 *
 * @example
 * verticalOf('apparel').name // '服装'
 */
export function verticalOf(id: VerticalId): Vertical {
  return VERTICALS.find((v) => v.id === id) as Vertical;
}

// Test-only fast-check arbitraries (not exported from index.ts): small carts over a few SKUs,
// categories and merchants, and promotions of every template over the same universe.
import fc from 'fast-check';
import type { CartInput } from './cart/schemas.js';
import type { PromotionInput } from './promotion/schemas.js';

export const SKUS = ['S0', 'S1', 'S2', 'S3', 'S4'];
export const CATEGORIES = ['c0', 'c1', 'c2'];
export const MERCHANTS = ['m0', 'm1'];

const cents = (max: number) => fc.integer({ min: 0, max }).map((n) => (n / 100).toFixed(2));
const positiveCents = (max: number) => fc.integer({ min: 1, max }).map((n) => (n / 100).toFixed(2));
const subset = (values: string[]) => fc.subarray(values, { minLength: 1 });

export const cartArbitrary: fc.Arbitrary<CartInput> = fc
  .record({
    lines: fc.array(
      fc.record({
        sku: fc.constantFrom(...SKUS),
        quantity: fc.integer({ min: 1, max: 6 }),
        unitPrice: cents(30_000),
        categories: fc.subarray(CATEGORIES),
        merchantId: fc.constantFrom(...MERCHANTS),
      }),
      { minLength: 1, maxLength: 7 },
    ),
    shipping: cents(2_000),
  })
  .map(({ lines, shipping }) => ({ lines: lines.map((line, i) => ({ id: `l${i}`, ...line })), shipping }));

const filterArbitrary = fc.oneof(
  fc.constant({}),
  subset(SKUS).map((skus) => ({ skus })),
  subset(CATEGORIES).map((categories) => ({ categories })),
  fc.constantFrom(...MERCHANTS).map((merchant) => ({ merchants: [merchant] })),
  fc.record({ categories: subset(CATEGORIES), excludeSkus: subset(SKUS) }),
);

const common = fc.record({
  priority: fc.integer({ min: 0, max: 3 }),
  exclusiveGroup: fc.option(fc.constantFrom('g1', 'g2'), { nil: undefined }),
  combinable: fc.integer({ min: 0, max: 9 }).map((n) => n > 1),
  // a budget now and then: a discount refused alone for its budget may fit it in a stack
  limits: fc.option(
    positiveCents(5_000).map((budget) => ({ budget })),
    { nil: undefined, freq: 4 },
  ),
  eligibility: fc
    .tuple(filterArbitrary, fc.option(cents(40_000), { nil: undefined }))
    .map(([filter, minSubtotal]) => ({
      ...filter,
      ...(minSubtotal === undefined ? {} : { minSubtotal }),
    })),
});

const templateArbitrary: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 1, max: 8_000 })), {
      minLength: 1,
      maxLength: 3,
    })
    .map((pairs) => {
      const spends = [...new Set(pairs.map(([s]) => s))].sort((a, b) => a - b);
      const offs = pairs.map(([, o]) => o).sort((a, b) => a - b);
      return {
        type: 'threshold',
        tiers: spends.map((s, i) => ({ spend: (s / 100).toFixed(2), off: (offs[i]! / 100).toFixed(2) })),
      };
    }),
  fc.record({
    type: fc.constant('threshold'),
    every: fc.record({ spend: positiveCents(20_000), off: positiveCents(3_000) }),
    maxDiscount: fc.option(positiveCents(10_000), { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('percent-off'),
    percentOff: fc.integer({ min: 1, max: 100 }).map((p) => `${p}%`),
    target: fc.constantFrom('items', 'order'),
    maxDiscount: fc.option(positiveCents(10_000), { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('amount-off'),
    amount: positiveCents(10_000),
    target: fc.constantFrom('items', 'order'),
  }),
  fc.record({ type: fc.constant('fixed-price'), price: cents(20_000) }),
  fc.record({
    type: fc.constant('flash-sale'),
    price: cents(20_000),
    startsAt: fc.constant('2026-03-01T00:00:00Z'),
    endsAt: fc.constant('2026-04-01T00:00:00Z'),
    stock: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('buy-get'),
    buyQuantity: fc.integer({ min: 1, max: 3 }),
    getQuantity: fc.integer({ min: 1, max: 2 }),
    getPercentOff: fc.constantFrom('100%', '50%', '30%'),
    get: fc.option(filterArbitrary, { nil: undefined }),
    maxApplications: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('bundle'),
    quantity: fc.integer({ min: 2, max: 4 }),
    price: cents(40_000),
    maxApplications: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('bundle'),
    components: fc.array(fc.record({ skus: subset(SKUS), quantity: fc.integer({ min: 1, max: 2 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
    price: cents(40_000),
  }),
  fc.record({
    type: fc.constant('free-shipping'),
    maxDiscount: fc.option(positiveCents(2_000), { nil: undefined }),
  }),
);

/** Strips `undefined` fields (the schemas are strict about unknown keys, not about undefined). */
function clean<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function promotionsArbitrary(max: number): fc.Arbitrary<PromotionInput[]> {
  return fc
    .array(fc.tuple(common, templateArbitrary), { minLength: 1, maxLength: max })
    .map((list) =>
      list.map(([c, t], i) => clean({ id: `p${i}`, ...clean(c), ...clean(t) }) as unknown as PromotionInput),
    );
}

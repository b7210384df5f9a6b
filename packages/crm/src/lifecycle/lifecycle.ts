import {
  DEFAULT_ZONE,
  dateInputSchema,
  localDayOf,
  parseInput,
  toDay,
  ValidationError,
  zoneSchema,
} from '@s2b2b/core';
import { z } from 'zod';
import { customerIdSchema } from '../summary/schemas.js';

/**
 * The lifecycle stages, in the order they are decided.
 *
 * @example
 * LIFECYCLE_STAGES.includes('at-risk') // true
 */
export const LIFECYCLE_STAGES = Object.freeze(['churned', 'at-risk', 'new', 'loyal', 'returning'] as const);

/**
 * One of {@link LIFECYCLE_STAGES}.
 *
 * @example
 * const stage: LifecycleStage = 'loyal';
 */
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/**
 * The thresholds of the stages (days are calendar days in the zone):
 * churned when the last purchase is more than `churnedAfterDays` (default 180) ago; else at-risk
 * when more than `atRiskAfterDays` (default 90); else new with one order, or a first purchase
 * within `newWithinDays` (default 30); else loyal with at least `loyalMinOrders` orders (default
 * 5); else returning.
 *
 * @example
 * lifecycleRulesSchema.parse({ atRiskAfterDays: 60, churnedAfterDays: 120 })
 */
export const lifecycleRulesSchema = z
  .object({
    newWithinDays: z.number().int().min(0).max(3650).default(30),
    loyalMinOrders: z.number().int().min(2).max(100_000).default(5),
    atRiskAfterDays: z.number().int().min(1).max(3650).default(90),
    churnedAfterDays: z.number().int().min(1).max(36_500).default(180),
  })
  .strict()
  .refine((rules) => rules.churnedAfterDays > rules.atRiskAfterDays, {
    message: 'Expected churnedAfterDays > atRiskAfterDays',
    path: ['churnedAfterDays'],
  });

/**
 * Thresholds of {@link lifecycleStages}.
 *
 * @example
 * const rules: LifecycleRules = { loyalMinOrders: 8 };
 */
export type LifecycleRules = z.input<typeof lifecycleRulesSchema>;

/**
 * A customer's history as the stages read it.
 *
 * @example
 * lifecycleCustomerSchema.parse({ customerId: 'C-1', firstPurchase: '2026-01-03', lastPurchase: '2026-02-20', orders: 4 })
 */
export const lifecycleCustomerSchema = z
  .object({
    customerId: customerIdSchema,
    firstPurchase: dateInputSchema,
    lastPurchase: dateInputSchema,
    orders: z.number().int().min(1),
  })
  .strict();

/**
 * A value of {@link lifecycleCustomerSchema}.
 *
 * @example
 * const c: LifecycleCustomer = { customerId: 'C-1', firstPurchase: '2026-01-03', lastPurchase: '2026-02-20', orders: 4 };
 */
export type LifecycleCustomer = z.infer<typeof lifecycleCustomerSchema>;

/**
 * A customer's stage at `now`.
 *
 * @example
 * const row: StageRow = { customerId: 'C-1', stage: 'returning', daysSinceFirst: 60, daysSinceLast: 12, orders: 4 };
 */
export interface StageRow {
  customerId: string;
  stage: LifecycleStage;
  daysSinceFirst: number;
  daysSinceLast: number;
  orders: number;
}

const inputSchema = z
  .object({
    customers: z.array(lifecycleCustomerSchema),
    now: dateInputSchema,
    zone: zoneSchema.optional(),
    rules: lifecycleRulesSchema.optional(),
  })
  .strict();

/**
 * The lifecycle stage of each customer at `now`, by the rules of {@link lifecycleRulesSchema}
 * (first that applies: churned, at-risk, new, loyal, returning). Days between calendar days of
 * `zone` (default Asia/Shanghai).
 *
 * @throws ValidationError for bad rows or a purchase after `now` / a last purchase before the first
 * @example
 * lifecycleStages({
 *   customers: [{ customerId: 'C-1', firstPurchase: '2026-01-03', lastPurchase: '2026-02-20', orders: 6 }],
 *   now: '2026-03-01',
 * })[0].stage // 'loyal'
 */
export function lifecycleStages(input: {
  customers: readonly LifecycleCustomer[];
  now: Date | string;
  zone?: string;
  rules?: LifecycleRules;
}): StageRow[] {
  const checked = parseInput(inputSchema, input, 'input');
  const rules = lifecycleRulesSchema.parse(checked.rules ?? {});
  const dayOf = localDayOf(checked.zone ?? DEFAULT_ZONE);
  const today = toDay(checked.now, dayOf);
  return checked.customers.map((customer, i) => {
    const first = toDay(customer.firstPurchase, dayOf);
    const last = toDay(customer.lastPurchase, dayOf);
    if (last < first || last > today) {
      throw ValidationError.field(
        ['input', 'customers', i, 'lastPurchase'],
        last < first ? 'Expected lastPurchase ≥ firstPurchase' : 'Expected lastPurchase ≤ now',
      );
    }
    const daysSinceFirst = today - first;
    const daysSinceLast = today - last;
    const stage: LifecycleStage =
      daysSinceLast > rules.churnedAfterDays
        ? 'churned'
        : daysSinceLast > rules.atRiskAfterDays
          ? 'at-risk'
          : customer.orders === 1 || daysSinceFirst <= rules.newWithinDays
            ? 'new'
            : customer.orders >= rules.loyalMinOrders
              ? 'loyal'
              : 'returning';
    return { customerId: customer.customerId, stage, daysSinceFirst, daysSinceLast, orders: customer.orders };
  });
}

/**
 * A customer's stage in one snapshot, or `absent` when the snapshot does not have them.
 *
 * @example
 * const from: SnapshotStage = 'absent';
 */
export type SnapshotStage = LifecycleStage | 'absent';

/**
 * What changed between two snapshots: the transition counts (`matrix[from][to]`, `absent` for a
 * customer missing from one side) and each customer whose stage changed, sorted by id.
 *
 * @example
 * const { matrix, changes }: LifecycleTransitions = lifecycleTransitions(january, february);
 */
export interface LifecycleTransitions {
  matrix: Record<SnapshotStage, Record<SnapshotStage, number>>;
  changes: { customerId: string; from: SnapshotStage; to: SnapshotStage }[];
}

const snapshotSchema = z.array(z.object({ customerId: customerIdSchema, stage: z.enum(LIFECYCLE_STAGES) }));

/**
 * Transitions between two stage snapshots (e.g. last month's and this month's
 * {@link lifecycleStages}): a full from × to count matrix, unchanged customers on the diagonal.
 *
 * @example
 * lifecycleTransitions([{ customerId: 'A', stage: 'new' }], [{ customerId: 'A', stage: 'returning' }]).matrix.new.returning // 1
 */
export function lifecycleTransitions(
  before: readonly Pick<StageRow, 'customerId' | 'stage'>[],
  after: readonly Pick<StageRow, 'customerId' | 'stage'>[],
): LifecycleTransitions {
  const previous = new Map(
    parseInput(snapshotSchema, before, 'before').map((row) => [row.customerId, row.stage]),
  );
  const current = new Map(
    parseInput(snapshotSchema, after, 'after').map((row) => [row.customerId, row.stage]),
  );
  const stages: SnapshotStage[] = [...LIFECYCLE_STAGES, 'absent'];
  const matrix = Object.fromEntries(
    stages.map((from) => [from, Object.fromEntries(stages.map((to) => [to, 0]))]),
  ) as LifecycleTransitions['matrix'];
  const changes: LifecycleTransitions['changes'] = [];
  const ids = [...new Set([...previous.keys(), ...current.keys()])].sort();
  for (const customerId of ids) {
    const from: SnapshotStage = previous.get(customerId) ?? 'absent';
    const to: SnapshotStage = current.get(customerId) ?? 'absent';
    matrix[from][to] += 1;
    if (from !== to) changes.push({ customerId, from, to });
  }
  return { matrix, changes };
}

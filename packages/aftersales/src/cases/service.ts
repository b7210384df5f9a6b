import {
  type Clock,
  chinaCalendar,
  createIdGenerator,
  type EventListener,
  parseInput,
  runIdempotent,
  systemClock,
  ValidationError,
} from '@s2b2b/core';
import { z } from 'zod';
import { aftersalesIdSchema } from '../common/ids.js';
import { type CarrierTerms, carrierTermsSchema } from '../liability/carrier-claim.js';
import { DEFAULT_LIABILITY_RULES, type LiabilityRule, liabilityRulesSchema } from '../liability/rules.js';
import type { SlaCalendars } from '../sla/clock.js';
import { type SlaClockStatus, slaClockStatus } from '../sla/clock-status.js';
import { UNKNOWN_CALENDAR } from '../sla/clock-time.js';
import { DEFAULT_SLA_POLICIES } from '../sla/default-policies.js';
import { type SlaPolicy, slaPoliciesSchema } from '../sla/policy.js';
import type {
  AftersalesCase,
  AftersalesStorage,
  AftersalesTx,
  CaseFilter,
  CaseTransition,
  DueCase,
  TransitionFilter,
} from '../store.js';
import { caseOutcomeCodec } from './codec.js';
import {
  type AssignInput,
  assignSchema,
  type CloseInput,
  closeSchema,
  type EvaluateInput,
  evaluateSchema,
  type InterveneInput,
  interveneSchema,
  type OpenCaseInput,
  openCaseSchema,
  type ReopenInput,
  type ResolveInput,
  type RespondInput,
  reopenSchema,
  resolveSchema,
  respondSchema,
} from './command-schemas.js';
import {
  assign,
  type CaseCommandContext,
  type CaseOutcome,
  close,
  evaluate,
  intervene,
  openCase,
  reopen,
  resolve,
  respond,
} from './commands.js';
import type { CaseEvent } from './events.js';
import { caseFilterSchema, transitionFilterSchema } from './filters.js';

/**
 * Options of `createCaseService`.
 *
 * @example
 * const options: CaseServiceOptions = { storage: createMemoryStorage(), calendars: { default: chinaCalendar() } };
 */
export interface CaseServiceOptions {
  /** Any storage with after-sales: `createMemoryStorage()`, `createPostgresStorage()`, or the host's own. */
  storage: AftersalesStorage;
  /** Where `now` comes from (default the system clock). */
  clock?: Clock;
  /**
   * Called with each event of a command after the outermost transaction committed (never on a
   * rollback or a replay). The outbox (`storage.events.since`) is the reliable channel.
   */
  onEvent?: EventListener<CaseEvent>;
  /** Ids for events and generated case ids (default UUIDv7 from the clock). */
  ids?: () => string;
  /** SLA policies (default `DEFAULT_SLA_POLICIES`). */
  policies?: readonly SlaPolicy[];
  /** Calendars by id; metrics count on `'default'` unless they name another (default `{ default: chinaCalendar() }`). */
  calendars?: SlaCalendars;
  /** The liability table (default `DEFAULT_LIABILITY_RULES`). */
  liabilityRules?: readonly LiabilityRule[];
  /** The carriers' declared-value rules (default: 3 × freight when uninsured). */
  carrierTerms?: CarrierTerms;
}

/**
 * What a case command returns: the case after it, the transitions it recorded, its events, and
 * whether this was a replay of the idempotency key (then nothing was written).
 *
 * @example
 * const { case: record, replayed }: CaseResult = await cases.intervene(input);
 */
export interface CaseResult extends CaseOutcome {
  replayed: boolean;
}

/**
 * The window of a due-case query: `before` an instant, or `within` a length of time from now.
 *
 * @example
 * const query: DueCasesInput = { within: { hours: 1 }, kind: 'breach' };
 */
export interface DueCasesInput {
  within?: { hours?: number; minutes?: number };
  before?: Date;
  /** `breach` (default): the next breach; `due`: the next warning, breach or escalation. */
  kind?: 'breach' | 'due';
  after?: { at: Date; caseId: string };
  limit?: number;
}

/**
 * The case service: idempotent, validated commands over an after-sales storage, and reads.
 *
 * @example
 * const cases: CaseService = createCaseService({ storage });
 */
export interface CaseService {
  open(input: OpenCaseInput): Promise<CaseResult>;
  intervene(input: InterveneInput): Promise<CaseResult>;
  assign(input: AssignInput): Promise<CaseResult>;
  respond(input: RespondInput): Promise<CaseResult>;
  resolve(input: ResolveInput): Promise<CaseResult>;
  close(input: CloseInput): Promise<CaseResult>;
  reopen(input: ReopenInput): Promise<CaseResult>;
  /** Advances a case's clocks to now, raising what they passed. */
  evaluate(input: EvaluateInput): Promise<CaseResult>;
  /**
   * For a scheduler: evaluates every case whose next warning, breach or escalation is due by
   * now (at most `limit`, default 100), each under the key `sla:<caseId>:<dueAt>` so parallel
   * schedulers evaluate each due instant once. Returns the results in due order.
   */
  evaluateDue(options?: { limit?: number }): Promise<CaseResult[]>;
  getCase(id: string): Promise<AftersalesCase | null>;
  listCases(filter?: CaseFilter): Promise<AftersalesCase[]>;
  listTransitions(caseId: string, filter?: TransitionFilter): Promise<CaseTransition[]>;
  /** Cases that will breach (or have something due) within a window, for a scheduler. */
  listDueCases(input?: DueCasesInput): Promise<DueCase[]>;
  /** Each clock's status at `at` (default now): remaining time (negative after a breach), deadline. */
  slaStatus(caseId: string, at?: Date): Promise<SlaClockStatus[]>;
}

type Handler<I> = (tx: AftersalesTx, input: I, ctx: CaseCommandContext) => Promise<CaseOutcome>;

const dueCasesInputSchema = z
  .object({
    within: z
      .object({
        hours: z.number().finite().min(0).max(100_000).optional(),
        minutes: z.number().finite().min(0).max(6_000_000).optional(),
      })
      .strict()
      .optional(),
    before: z
      .date()
      .refine((d) => Number.isFinite(d.getTime()), { message: 'Invalid Date' })
      .optional(),
    kind: z.enum(['breach', 'due']).default('breach'),
    after: z.object({ at: z.date(), caseId: aftersalesIdSchema }).strict().optional(),
    limit: z.number().int().min(1).max(10_000).default(500),
  })
  .strict()
  .refine((input) => !(input.within && input.before), {
    message: 'Give within or before, not both',
    path: ['before'],
  });

/**
 * Creates the case service. Every command validates its input (`ValidationError` naming the
 * field, nothing written), runs in one transaction under its idempotency key (scope
 * `aftersales.<command>`: a replay returns the first outcome and writes nothing; the same key
 * with another payload is `IDEMPOTENCY_CONFLICT`), locks the case, lets its SLA clocks run to
 * now, applies the pure `reduceCase`, lets the clocks observe the result, saves over the
 * locked version, records every transition, and appends its events to the outbox. `onEvent`
 * hears them after the outermost commit (`tx.afterCommit`).
 *
 * @example
 * const cases = createCaseService({ storage: createMemoryStorage() });
 * const { case: opened } = await cases.open({
 *   idempotencyKey: 'open-SO-1001', orderId: 'SO-1001', merchantId: 'M-1', supplierId: 'SUP-7',
 *   type: 'return', reason: 'quality-defect',
 *   lines: [{ lineId: 'SO-1001-1', sku: 'TEA', orderedQuantity: 10, unitPrice: '19.90', discount: '15.00', quantity: 3 }],
 * });
 * await cases.intervene({ idempotencyKey: 'int-1', caseId: opened.id, agentId: 'agent-3' });
 */
export function createCaseService(options: CaseServiceOptions): CaseService {
  checkOptions(options);
  const { storage, onEvent } = options;
  const clock = options.clock ?? systemClock;
  const nextId = options.ids ?? createIdGenerator({ clock });
  const policies = parseInput(slaPoliciesSchema, options.policies ?? DEFAULT_SLA_POLICIES, 'policies');
  const calendars: SlaCalendars = options.calendars ?? { default: chinaCalendar() };
  const rules = options.liabilityRules
    ? parseInput(liabilityRulesSchema, options.liabilityRules, 'liabilityRules')
    : DEFAULT_LIABILITY_RULES;
  const carrierTerms = parseInput(carrierTermsSchema, options.carrierTerms ?? {}, 'carrierTerms');
  for (const [p, policy] of policies.entries())
    for (const [m, metric] of policy.metrics.entries())
      if (metric.basis === 'business' && !calendars[metric.calendar])
        throw ValidationError.field(
          ['policies', p, 'metrics', m, 'calendar'],
          `Calendar ${JSON.stringify(metric.calendar)} is not among the service's calendars`,
          UNKNOWN_CALENDAR,
        );

  async function run<S extends z.ZodType>(
    command: string,
    schema: S,
    raw: unknown,
    handler: Handler<z.output<S>>,
  ): Promise<CaseResult> {
    const input = parseInput(schema, raw) as z.output<S> & { idempotencyKey: string };
    const { idempotencyKey, ...payload } = input;
    const now = clock.now();
    const scope = `aftersales.${command}`;
    const { value, replayed } = await runIdempotent(
      storage,
      { scope, key: idempotencyKey, payload, now },
      async (tx) => {
        const outcome = await handler(tx, input, {
          now,
          scope,
          key: idempotencyKey,
          nextId,
          policies,
          calendars,
          rules,
          carrierTerms,
        });
        await tx.events.append(outcome.events);
        if (onEvent && outcome.events.length > 0) {
          const listener = onEvent;
          tx.afterCommit(async () => {
            for (const event of outcome.events) await listener(event);
          });
        }
        return outcome;
      },
      caseOutcomeCodec<CaseOutcome>(),
    );
    return { ...value, replayed };
  }

  const id = (value: unknown, field: string) => parseInput(aftersalesIdSchema, value, field);

  const listDueCases = async (raw: DueCasesInput = {}) => {
    const input = parseInput(dueCasesInputSchema, raw, 'input');
    const now = clock.now();
    const before =
      input.before ??
      new Date(
        now.getTime() + Math.round(((input.within?.hours ?? 0) * 60 + (input.within?.minutes ?? 0)) * 60_000),
      );
    return storage.aftersales.listDueCases({
      kind: input.kind,
      before,
      ...(input.after ? { after: input.after } : {}),
      limit: input.limit,
    });
  };

  const service: CaseService = {
    open: (input) => run('open', openCaseSchema, input, openCase),
    intervene: (input) => run('intervene', interveneSchema, input, intervene),
    assign: (input) => run('assign', assignSchema, input, assign),
    respond: (input) => run('respond', respondSchema, input, respond),
    resolve: (input) => run('resolve', resolveSchema, input, resolve),
    close: (input) => run('close', closeSchema, input, close),
    reopen: (input) => run('reopen', reopenSchema, input, reopen),
    evaluate: (input) => run('evaluate', evaluateSchema, input, evaluate),
    async evaluateDue(raw = {}) {
      const { limit } = parseInput(
        z.object({ limit: z.number().int().min(1).max(10_000).default(100) }).strict(),
        raw,
        'options',
      );
      const due = await listDueCases({ kind: 'due', within: {}, limit });
      const results: CaseResult[] = [];
      for (const { caseId, at } of due)
        results.push(await service.evaluate({ idempotencyKey: `sla:${caseId}:${at.toISOString()}`, caseId }));
      return results;
    },
    getCase: async (caseId) => storage.aftersales.getCase(id(caseId, 'caseId')),
    listCases: async (filter) =>
      storage.aftersales.listCases(parseInput(caseFilterSchema, filter ?? {}, 'filter')),
    listTransitions: async (caseId, filter) =>
      storage.aftersales.listTransitions(
        id(caseId, 'caseId'),
        parseInput(transitionFilterSchema, filter ?? {}, 'filter'),
      ),
    listDueCases,
    async slaStatus(caseId, at) {
      if (at !== undefined && !(at instanceof Date && Number.isFinite(at.getTime())))
        throw ValidationError.field('at', 'Expected a valid Date');
      const record = await storage.aftersales.getCase(id(caseId, 'caseId'));
      if (!record) return [];
      const when = at ?? clock.now();
      return record.clocks.map((c) => slaClockStatus(c, when, { calendars }));
    },
  };
  return service;
}

function checkOptions(options: CaseServiceOptions): void {
  if (typeof options !== 'object' || options === null)
    throw ValidationError.field(
      'options',
      'Expected { storage, clock?, onEvent?, ids?, policies?, calendars? }',
      'invalid_type',
    );
  const { storage, clock, onEvent, ids, calendars } = options;
  if (
    typeof storage?.transaction !== 'function' ||
    typeof storage.aftersales !== 'object' ||
    storage.aftersales === null
  )
    throw ValidationError.field(
      'storage',
      'Expected a storage with after-sales (createMemoryStorage(), createPostgresStorage(), or your own)',
      'invalid_type',
    );
  if (clock !== undefined && typeof clock?.now !== 'function')
    throw ValidationError.field('clock', 'Expected an object with now(): Date', 'invalid_type');
  if (onEvent !== undefined && typeof onEvent !== 'function')
    throw ValidationError.field('onEvent', 'Expected a function', 'invalid_type');
  if (ids !== undefined && typeof ids !== 'function')
    throw ValidationError.field('ids', 'Expected a function returning unique ids', 'invalid_type');
  if (calendars !== undefined) {
    if (typeof calendars !== 'object' || calendars === null)
      throw ValidationError.field('calendars', 'Expected calendars by id', 'invalid_type');
    for (const [name, calendar] of Object.entries(calendars))
      if (
        typeof calendar?.addBusinessTime !== 'function' ||
        typeof calendar.businessTimeBetween !== 'function'
      )
        throw ValidationError.field(
          ['calendars', name],
          'Expected a BusinessCalendar (createBusinessCalendar, chinaCalendar)',
          'invalid_type',
        );
  }
}

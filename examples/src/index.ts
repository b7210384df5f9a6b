/**
 * `@s2b2b/examples` — runnable examples of S2B2B Kit, one per capability. The `s2b2b` CLI
 * bundles them (`s2b2b example <name>`); `src/run.ts <name>` runs one on its own.
 *
 * @packageDocumentation
 */
import * as aftersales from './aftersales.js';
import * as analytics from './analytics.js';
import * as credit from './credit.js';
import * as crm from './crm.js';
import * as eventOutbox from './event-outbox.js';
import type { Example } from './example.js';
import * as forecasting from './forecasting.js';
import * as idempotentCommand from './idempotent-command.js';
import * as inventory from './inventory.js';
import * as logistics from './logistics.js';
import * as moneyAllocation from './money-allocation.js';
import * as procurement from './procurement.js';
import * as promotions from './promotions.js';

export type { Example, ExampleIo, ExampleMeta } from './example.js';

/**
 * Every example, in the order `s2b2b example --list` shows them.
 *
 * @example
 * EXAMPLES.map((example) => example.meta.name) // ['money-allocation', 'idempotent-command', 'event-outbox', 'forecasting', 'inventory', 'logistics', 'credit', 'crm', 'analytics', 'aftersales', 'procurement', 'promotions']
 */
export const EXAMPLES: readonly Example[] = Object.freeze([
  moneyAllocation,
  idempotentCommand,
  eventOutbox,
  forecasting,
  inventory,
  logistics,
  credit,
  crm,
  analytics,
  aftersales,
  procurement,
  promotions,
]);

/**
 * The example with this name, or `undefined`.
 *
 * @example
 * await findExample('money-allocation')?.run(io)
 */
export function findExample(name: string): Example | undefined {
  return EXAMPLES.find((example) => example.meta.name === name);
}

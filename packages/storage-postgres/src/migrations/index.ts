import { sql as aftersales0001 } from './aftersales/0001_cases.js';
import { sql as core0001 } from './core/0001_infrastructure.js';
import { sql as credit0001 } from './credit/0001_ledger.js';
import { sql as crm0001 } from './crm/0001_follow_ups.js';
import { sql as inventory0001 } from './inventory/0001_stock.js';
import { sql as logistics0001 } from './logistics/0001_tracking.js';
import { sql as procurement0001 } from './procurement/0001_rounds.js';
import { sql as promotions0001 } from './promotions/0001_caps.js';

/** One versioned migration of one domain; `sql` holds `{{schema}}` placeholders. */
export interface MigrationDefinition {
  domain: string;
  version: number;
  name: string;
  sql: string;
}

/**
 * Every migration the adapter ships, in (domain, version) order. A domain adds its folder
 * (`migrations/<domain>/0001_<name>.ts`) and its entries here; shipped entries never change
 * (their checksum is recorded), new versions are appended.
 */
export const MIGRATIONS: readonly MigrationDefinition[] = Object.freeze([
  { domain: 'core', version: 1, name: 'infrastructure', sql: core0001 },
  { domain: 'credit', version: 1, name: 'ledger', sql: credit0001 },
  { domain: 'crm', version: 1, name: 'follow_ups', sql: crm0001 },
  { domain: 'inventory', version: 1, name: 'stock', sql: inventory0001 },
  { domain: 'logistics', version: 1, name: 'tracking', sql: logistics0001 },
  { domain: 'procurement', version: 1, name: 'rounds', sql: procurement0001 },
  { domain: 'aftersales', version: 1, name: 'cases', sql: aftersales0001 },
  { domain: 'promotions', version: 1, name: 'caps', sql: promotions0001 },
]);

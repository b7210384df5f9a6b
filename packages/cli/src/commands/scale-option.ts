import { SCALE_NAMES, type ScaleName } from '@s2b2b/scenario';
import type { OptionSpec } from '../command-line.js';
import { suggest } from '../suggest.js';
import { UsageError } from '../usage-error.js';

/**
 * `--scale small|medium|large`, shared by `day` and `report`.
 *
 * @example
 * dayCommand.options.includes(SCALE_OPTION) // true
 */
export const SCALE_OPTION: OptionSpec = {
  name: 'scale',
  type: 'string',
  value: '<size>',
  description:
    'Size of the simulated platform: small (default, seconds), medium or large (about a million order lines)',
};

/**
 * The `--scale` given, checked (default `small`).
 *
 * @throws UsageError for another value, with a hint
 * @example
 * scaleOf({ scale: 'medium' }) // 'medium'
 */
export function scaleOf(options: Readonly<Record<string, string | boolean>>): ScaleName {
  const value = options.scale;
  if (value === undefined) return 'small';
  if (typeof value === 'string' && (SCALE_NAMES as readonly string[]).includes(value))
    return value as ScaleName;
  const hint = typeof value === 'string' ? suggest(value, SCALE_NAMES) : undefined;
  throw new UsageError(
    `--scale must be one of ${SCALE_NAMES.join(', ')}, got "${String(value)}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
  );
}

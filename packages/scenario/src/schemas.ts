import { z } from 'zod';
import { SCALE_NAMES } from './scales.js';

/**
 * Options of `generateScenario`: a seed (a safe integer; default 42) and a scale (default
 * `small`).
 *
 * @example
 * scenarioOptionsSchema.parse({ seed: 7, scale: 'medium' })
 */
export const scenarioOptionsSchema = z
  .object({
    seed: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).default(42),
    scale: z.enum(SCALE_NAMES).default('small'),
  })
  .strict();

/**
 * `generateScenario` options as the caller writes them.
 *
 * @example
 * const options: ScenarioOptions = { seed: 7, scale: 'large' };
 */
export type ScenarioOptions = z.input<typeof scenarioOptionsSchema>;

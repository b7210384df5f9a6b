/**
 * The sizes of scenario `generateScenario` builds. `targetLines` is the order lines the two
 * years of history are calibrated to (one line per SKU per customer per day, so slightly fewer
 * come out); the simulated day adds its own.
 *
 * | scale | cities | SKUs | suppliers | merchants | customers (about) | history lines (about) |
 * |---|---|---|---|---|---|---|
 * | small | 10 | 12 | 9 | 15 | 130 | 30,000 |
 * | medium | 20 | 36 | 12 | 45 | 800 | 200,000 |
 * | large | 30 | 120 | 18 | 150 | 5,000 | 1,000,000 |
 *
 * @example
 * SCALES.large.targetLines // 1_000_000
 */
export const SCALES = Object.freeze({
  small: {
    citiesPerRegion: 2,
    skusPerVertical: 4,
    suppliersPerVertical: 3,
    merchants: 15,
    customersPerMerchant: 1,
    vansPerWarehouse: 4,
    targetLines: 30_000,
  },
  medium: {
    citiesPerRegion: 4,
    skusPerVertical: 12,
    suppliersPerVertical: 4,
    merchants: 45,
    customersPerMerchant: 1.5,
    vansPerWarehouse: 8,
    targetLines: 200_000,
  },
  large: {
    citiesPerRegion: 6,
    skusPerVertical: 40,
    suppliersPerVertical: 6,
    merchants: 150,
    customersPerMerchant: 3,
    vansPerWarehouse: 24,
    targetLines: 1_000_000,
  },
} satisfies Record<string, ScaleSettings>);

/**
 * What a scale sets.
 *
 * @example
 * const settings: ScaleSettings = SCALES.small;
 */
export interface ScaleSettings {
  citiesPerRegion: number;
  skusPerVertical: number;
  suppliersPerVertical: number;
  merchants: number;
  /** Multiplies the customers a merchant of each size has. */
  customersPerMerchant: number;
  /** Delivery vans each warehouse runs in its city. */
  vansPerWarehouse: number;
  targetLines: number;
}

/**
 * A scale's name.
 *
 * @example
 * const scale: ScaleName = 'medium';
 */
export type ScaleName = keyof typeof SCALES;

/**
 * The scale names, smallest first.
 *
 * @example
 * SCALE_NAMES // ['small', 'medium', 'large']
 */
export const SCALE_NAMES = Object.freeze([
  'small',
  'medium',
  'large',
] as const satisfies readonly ScaleName[]);

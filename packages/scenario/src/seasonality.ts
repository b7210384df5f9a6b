import type { DayInfo } from './calendar.js';
import type { VerticalId, VerticalTraits } from './types.js';

/** Platform growth a year: demand at day d is 1.3^(d / 365) times that of day 0. */
export const YEARLY_GROWTH = 0.3;

/**
 * How strongly each vertical reacts to the two shopping festivals: the extra demand at the peak
 * of 618 (June 18) and of Double 11 (November 11), as a multiple of a normal day.
 *
 * @example
 * FESTIVAL_STRENGTH.apparel.double11 // 2.2: three times a normal day's demand on the 11th
 */
export const FESTIVAL_STRENGTH: Readonly<Record<VerticalId, { june18: number; double11: number }>> =
  Object.freeze({
    fresh: { june18: 0.4, double11: 0.8 },
    apparel: { june18: 1.2, double11: 2.2 },
    industrial: { june18: 0.25, double11: 0.5 },
  });

/**
 * The platform's growth: `(1 + YEARLY_GROWTH)^(day / 365)`.
 *
 * @example
 * growthFactor(365) // 1.3
 */
export function growthFactor(day: number): number {
  return (1 + YEARLY_GROWTH) ** (day / 365);
}

/**
 * The yearly cycle: `1 + strength · cos(2π (dayOfYear − peak) / 365.25)`, never below 0.15.
 *
 * @example
 * yearlyFactor(350, 350, 0.6) // 1.6 at the peak
 * yearlyFactor(167, 350, 0.6) // about 0.4, half a year away
 */
export function yearlyFactor(dayOfYear: number, peakDayOfYear: number, strength: number): number {
  return Math.max(0.15, 1 + strength * Math.cos((2 * Math.PI * (dayOfYear - peakDayOfYear)) / 365.25));
}

/**
 * Weekends and public holidays (other than the Spring Festival, which has its own curve): the
 * vertical's `restDayFactor`; working days, make-up Saturdays included: 1.
 *
 * @example
 * restFactor({ working: false, holiday: null } as DayInfo, { restDayFactor: 0.3 } as VerticalTraits) // 0.3
 */
export function restFactor(info: DayInfo, traits: VerticalTraits): number {
  if (info.working || info.holiday?.includes('春节')) return 1;
  return traits.restDayFactor;
}

/**
 * The Spring Festival: two weeks of stocking up before it (年货: fresh +60 % at the eve, apparel
 * +25 %; factories wind down, industrial −30 %), the holiday itself (fresh 0.45, apparel 0.35,
 * industrial 0.08 of a normal day), and ten days of recovery after it (industrial from 0.5,
 * the others from 0.7).
 *
 * @example
 * springFestivalFactor(dayInfo(dayOfDate('2026-02-17')), 'industrial') // 0.08
 */
export function springFestivalFactor(info: DayInfo, vertical: VerticalId): number {
  const sf = info.springFestival;
  if (sf === null) return 1;
  const { offset, length } = sf;
  if (offset >= -14 && offset < 0) {
    const ramp = (offset + 15) / 14;
    if (vertical === 'fresh') return 1 + 0.6 * ramp;
    if (vertical === 'apparel') return 1 + 0.25 * ramp;
    return 1 - 0.3 * ramp;
  }
  if (offset >= 0 && offset < length) {
    if (vertical === 'fresh') return 0.45;
    if (vertical === 'apparel') return 0.35;
    return 0.08;
  }
  if (offset >= length && offset < length + 10) {
    const back = (offset - length + 1) / 10;
    return vertical === 'industrial' ? 0.5 + 0.5 * back : 0.7 + 0.3 * back;
  }
  return 1;
}

/**
 * The shopping festivals: 618 builds from June 1 to a peak on June 18 (`1 + A·e^{−(18−d)/2.5}`)
 * and dips to 0.85 for three days after; Double 11 has a pre-sale from October 24 (`1 + 0.1 A`),
 * builds from November 1 to the peak on the 11th (`1 + A·e^{−(11−d)/2}`) and dips to 0.8 until
 * the 16th. A is the vertical's {@link FESTIVAL_STRENGTH}.
 *
 * @example
 * shoppingFestivalFactor(dayInfo(dayOfDate('2025-11-11')), 'apparel') // 3.2
 */
export function shoppingFestivalFactor(info: DayInfo, vertical: VerticalId): number {
  const { june18, double11 } = FESTIVAL_STRENGTH[vertical];
  const d = info.dayOfMonth;
  if (info.month === 6) {
    if (d <= 18) return 1 + june18 * Math.exp(-(18 - d) / 2.5);
    if (d <= 21) return 0.85;
  }
  if (info.month === 10 && d >= 24) return 1 + 0.1 * double11;
  if (info.month === 11) {
    if (d <= 11) return 1 + double11 * Math.exp(-(11 - d) / 2);
    if (d <= 16) return 0.8;
  }
  return 1;
}

/**
 * A fashion item's life: `0.35 + 1.65 · e^{−½((day − peak) / width)²}`: from a floor of 0.35 it
 * rises to 2 at `peakDay` and fades again.
 *
 * @example
 * lifecycleFactor(400, { peakDay: 400, widthDays: 90 }) // 2
 */
export function lifecycleFactor(day: number, trend: { peakDay: number; widthDays: number }): number {
  const z = (day - trend.peakDay) / trend.widthDays;
  return 0.35 + 1.65 * Math.exp(-0.5 * z * z);
}

import type { GeoProjection } from './geo-projection.js';
import { tickStep } from './nice-ticks.js';
import { svgElement, svgText } from './svg-element.js';

/** Kilometres in one degree of latitude (mean Earth radius 6,371 km). */
const KM_PER_DEGREE = (6371 * Math.PI) / 180;

/**
 * A map's scale bar at `(x, y)` (its left end): a round length (1, 2 or 5 × a power of ten
 * kilometres) of about `about` pixels, with its label.
 *
 * @param projection - the map's projection
 * @param x - left end
 * @param y - baseline of the bar
 * @param about - the length in pixels to aim for, default 90
 * @example
 * scaleBar(fitProjection(places, { width: 460, height: 320, padding: 24 }), 12, 306) // a bar labelled e.g. '10 km'
 */
export function scaleBar(projection: GeoProjection, x: number, y: number, about = 90): string {
  const kmPerPixel = KM_PER_DEGREE / projection.pixelsPerDegree;
  const km = tickStep(0, kmPerPixel * about * 1.4, 1);
  const length = km / kmPerPixel;
  const label = km >= 1 ? `${km} km` : `${Math.round(km * 1000)} m`;
  return svgElement('g', { class: 'scale-bar' }, [
    svgElement('path', {
      d: `M${x} ${y - 5}V${y}H${x + length}V${y - 5}`,
      class: 'scale-line',
      fill: 'none',
    }),
    svgText(x + length + 6, y, label, { class: 'tick' }),
  ]);
}

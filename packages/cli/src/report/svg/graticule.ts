import type { GeoProjection } from './geo-projection.js';
import { niceTicks } from './nice-ticks.js';
import { svgElement, svgText } from './svg-element.js';

/**
 * Light parallels and meridians at round degrees across a map's box, labelled on the left and
 * bottom edges (`30°N`, `115°E`), so a reader can place the map without a basemap.
 *
 * @param projection - the map's projection (its bounds give the range)
 * @param width - the box's width
 * @param height - the box's height
 * @example
 * graticule(fitProjection(places, { width: 720, height: 480, padding: 40 }), 720, 480)
 */
export function graticule(projection: GeoProjection, width: number, height: number): string {
  const { minLat, maxLat, minLng, maxLng } = projection.bounds;
  const parts: string[] = [];
  for (const lat of niceTicks(minLat, maxLat, 4).ticks) {
    if (lat <= minLat || lat >= maxLat) continue;
    const [, y] = projection.project(lat, minLng);
    parts.push(
      svgElement('line', { x1: 0, x2: width, y1: y, y2: y, class: 'graticule' }),
      svgText(4, y - 3, `${degrees(lat)}°${lat >= 0 ? 'N' : 'S'}`, { class: 'graticule-label' }),
    );
  }
  for (const lng of niceTicks(minLng, maxLng, 5).ticks) {
    if (lng <= minLng || lng >= maxLng) continue;
    const [x] = projection.project(minLat, lng);
    parts.push(
      svgElement('line', { x1: x, x2: x, y1: 0, y2: height, class: 'graticule' }),
      svgText(x + 3, height - 4, `${degrees(lng)}°${lng >= 0 ? 'E' : 'W'}`, { class: 'graticule-label' }),
    );
  }
  return svgElement('g', { class: 'graticule-lines' }, parts);
}

function degrees(value: number): string {
  return String(Math.abs(Math.round(value * 100) / 100));
}

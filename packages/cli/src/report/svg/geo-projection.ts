import { ValidationError } from '@s2b2b/core';
import type { Point } from './paths.js';

/** Places on a small map: an equirectangular projection fitted into a box. */
export interface GeoProjection {
  /** Pixels of a latitude / longitude. */
  project(lat: number, lng: number): Point;
  /** The latitude and longitude at the box's edges (for a graticule). */
  readonly bounds: { minLat: number; maxLat: number; minLng: number; maxLng: number };
  /** Pixels per degree of latitude (a degree of latitude is about 111.2 km anywhere). */
  readonly pixelsPerDegree: number;
}

/** The box a projection fills: its size and the margin kept free on every side. */
export interface ProjectionBox {
  width: number;
  height: number;
  padding: number;
}

/**
 * An equirectangular projection of the given places, fitted (aspect kept) and centred in the box.
 * Longitudes are shrunk by the cosine of the middle latitude so distances look right at Chinese
 * latitudes; north is up. One place, or places closer than about a kilometre, sit in the middle
 * of a ±0.01° frame.
 *
 * @param places - latitudes and longitudes to fit
 * @param box - width, height and padding in pixels
 * @throws ValidationError on `places` when empty, or on a coordinate that is not finite
 * @example
 * const map = fitProjection([{ lat: 31.23, lng: 121.47 }, { lat: 39.9, lng: 116.41 }], { width: 400, height: 300, padding: 20 });
 * map.project(31.23, 121.47) // the lower right of the pair
 */
export function fitProjection(
  places: readonly { lat: number; lng: number }[],
  box: ProjectionBox,
): GeoProjection {
  if (places.length === 0) throw ValidationError.field('places', 'Expected at least one place', 'too_small');
  for (const [index, place] of places.entries()) {
    if (!Number.isFinite(place.lat) || !Number.isFinite(place.lng)) {
      throw ValidationError.field(
        ['places', index],
        'Expected a finite latitude and longitude',
        'not_finite',
      );
    }
  }
  const lats = places.map((place) => place.lat);
  const lngs = places.map((place) => place.lng);
  let minLat = Math.min(...lats);
  let maxLat = Math.max(...lats);
  let minLng = Math.min(...lngs);
  let maxLng = Math.max(...lngs);
  const midLat = (minLat + maxLat) / 2;
  const shrink = Math.max(0.1, Math.cos((midLat * Math.PI) / 180));
  // Give a frame to a point or a line of places, so the scale below stays finite.
  const least = 0.01;
  if (maxLat - minLat < least && (maxLng - minLng) * shrink < least) {
    minLat = midLat - least;
    maxLat = midLat + least;
    const midLng = (minLng + maxLng) / 2;
    minLng = midLng - least / shrink;
    maxLng = midLng + least / shrink;
  }
  const innerWidth = Math.max(1, box.width - 2 * box.padding);
  const innerHeight = Math.max(1, box.height - 2 * box.padding);
  const spanX = (maxLng - minLng) * shrink;
  const spanY = maxLat - minLat;
  const pixels = Math.min(
    spanX > 0 ? innerWidth / spanX : Infinity,
    spanY > 0 ? innerHeight / spanY : Infinity,
  );
  const offsetX = (box.width - spanX * pixels) / 2;
  const offsetY = (box.height - spanY * pixels) / 2;
  const project = (lat: number, lng: number): Point => [
    offsetX + (lng - minLng) * shrink * pixels,
    offsetY + (maxLat - lat) * pixels,
  ];
  const edgeLng = offsetX / (shrink * pixels);
  const edgeLat = offsetY / pixels;
  return {
    project,
    pixelsPerDegree: pixels,
    bounds: {
      minLat: minLat - edgeLat,
      maxLat: maxLat + edgeLat,
      minLng: minLng - edgeLng,
      maxLng: maxLng + edgeLng,
    },
  };
}

/**
 * Mean Earth radius in kilometres (IUGG mean radius R1 = 6371.0088 km).
 *
 * @example
 * const quarterOfEquator = (Math.PI / 2) * EARTH_RADIUS_KM; // 10,007.5 km
 */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * A point on the Earth in decimal degrees (WGS 84 latitude and longitude).
 *
 * @example
 * const shanghai: LatLng = { lat: 31.2304, lng: 121.4737 };
 */
export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * Great-circle distance between two points in kilometres, by the haversine formula on a sphere of
 * radius {@link EARTH_RADIUS_KM}. Accurate to about 0.5 % against the WGS 84 ellipsoid, which is
 * far below the difference between a straight line and a road.
 *
 * @param a - first point (degrees)
 * @param b - second point (degrees)
 * @returns the distance in kilometres
 * @example
 * haversineKm({ lat: 31.2304, lng: 121.4737 }, { lat: 39.9042, lng: 116.4074 }); // Shanghai–Beijing ≈ 1067 km
 */
export function haversineKm(a: LatLng, b: LatLng): number {
  const toRad = Math.PI / 180;
  const phi1 = a.lat * toRad;
  const phi2 = b.lat * toRad;
  const dPhi = phi2 - phi1;
  const dLambda = (b.lng - a.lng) * toRad;
  const h = Math.sin(dPhi / 2) ** 2 + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) ** 2;
  // atan2 form: stable for antipodal points, where asin(√h) loses digits.
  return 2 * EARTH_RADIUS_KM * Math.atan2(Math.sqrt(h), Math.sqrt(Math.max(0, 1 - h)));
}

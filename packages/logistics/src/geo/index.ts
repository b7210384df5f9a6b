export { applyConvention, type EuclideanConvention, euclidean, type XY } from './euclidean.js';
export { EARTH_RADIUS_KM, haversineKm, type LatLng } from './haversine.js';

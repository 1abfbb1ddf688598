/** A box in longitude and latitude, as GeoJSON and Turf write it. */
export type Bbox = [west: number, south: number, east: number, north: number];

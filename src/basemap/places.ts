/**
 * The packaged gazetteer: towns of the whole world (src/basemap/data/places.json, made by
 * src/basemap/extract/places.py from GeoNames, CC BY 4.0), capitals first, then by population.
 * Stored as a table, one town a line, since 23,000 objects with their keys would double its size.
 */
import table from './data/places.json';
import smallTable from './data/small-towns.json';

export interface GazetteerTown {
  geonames: number;
  /** The English name readers know (GeoNames' `en` exonym, else its name). */
  en: string;
  /** The Arabic name tagged `ar` in GeoNames, when it has one. */
  ar?: string;
  /** ISO 3166 country code. */
  cc: string;
  pop: number;
  capital: boolean;
  lon: number;
  lat: number;
}

type Row = [number, string, string, string, number, boolean, number, number];

export const GAZETTEER: GazetteerTown[] = (table.rows as Row[]).map(
  ([geonames, en, ar, cc, pop, capital, lon, lat]) => ({
    geonames,
    en,
    ...(ar ? { ar } : {}),
    cc,
    pop,
    capital,
    lon,
    lat,
  }),
);

/**
 * Small towns and villages for the stories' close-ups (src/basemap/data/small-towns.json, made
 * by src/basemap/extract/small-towns.py from GeoNames' cities1000, CC BY 4.0), by population.
 */
type SmallRow = [number, string, string, string, number, number, number];

export const SMALL_TOWNS: GazetteerTown[] = (smallTable.rows as SmallRow[]).map(
  ([geonames, en, ar, cc, pop, lon, lat]) => ({
    geonames,
    en,
    ...(ar ? { ar } : {}),
    cc,
    pop,
    capital: false,
    lon,
    lat,
  }),
);

/**
 * Registers the `pmtiles://` protocol with MapLibre once (the `pmtiles` package's
 * reader; archives are read with HTTP Range requests).
 */
import { addProtocol } from 'maplibre-gl';
import { Protocol } from 'pmtiles';

let registered = false;
export function registerPmtiles(): void {
  if (registered) return;
  addProtocol('pmtiles', new Protocol().tile);
  registered = true;
}

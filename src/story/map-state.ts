/**
 * The complete map state of one step. Complete, not a change from the previous
 * step: any step can be reached from any other and ends in the same state.
 */
import type { Bbox } from '../core/bbox';

export type CameraTarget =
  | { type: 'center'; center: [number, number]; zoom: number; bearing: number; pitch: number }
  | { type: 'bounds'; bounds: Bbox; maxZoom: number; bearing: number; pitch: number };

export interface LegendItem {
  key: string;
  label: string;
  color: string;
  symbol: 'point' | 'area' | 'line' | 'outline' | 'approximate' | 'schematic' | 'highlight';
}

export interface MapState {
  camera: CameraTarget;
  /** Ids of the story features drawn, sorted. */
  visible: string[];
  /** Ids drawn with emphasis, sorted; always a subset of `visible`. */
  highlight: string[];
  transition: 'fly' | 'ease' | 'jump';
  /** The area that must stay in view on any screen: the highlighted features, else the framed ones. */
  focus?: Bbox;
  legend: LegendItem[];
}

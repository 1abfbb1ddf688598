/**
 * Content → view data, as a pure function: one resolved step (text metadata and a
 * complete MapState) per step file. The page renders it; the browser only applies it.
 */
import { displayFeature, unionBbox, type DisplayFeature } from './display';
import type { StoryFeature } from '../geo/read-geojson';
import type { Source } from '../content/schema/story';
import type { LoadedStory } from './check-content';
import { formatDate } from './dates';
import { describeMap } from './describe';
import { AREA_ONLY_FROM_M, HIGHLIGHT_COLOR, storyKinds, type Kinds } from './kinds';
import type { LegendItem, MapState } from './map-state';

export interface ResolvedStep {
  id: string;
  index: number;
  title: string;
  date: string;
  dateLabel: string;
  sources: Source[];
  alt: string;
  altGenerated: boolean;
  state: MapState;
}

/** Single points framed by `fit` stop zooming in here, so a lone dot keeps its context. */
export const FIT_MAX_ZOOM = 14;

export function resolveSteps(story: LoadedStory, features: StoryFeature[]): ResolvedStep[] {
  const kinds = storyKinds(story.data.kinds);
  const display = new Map(features.map((f) => [f.id, displayFeature(f, kinds)]));
  const get = (id: string): DisplayFeature => {
    const f = display.get(id);
    // check-content reports unknown ids before we get here; this guards direct callers.
    if (!f) throw new Error(`${story.slug}: no feature "${id}" in geo/`);
    return f;
  };
  const sources = new Map(story.data.sources.map((s) => [s.key, s]));
  let previousFocus: DisplayFeature | undefined;
  return story.steps.map((step, index) => {
    const d = step.data;
    const visible = [...new Set([...d.show, ...(d.fit ?? []), ...d.highlight])].sort();
    const highlight = [...new Set(d.highlight)].sort();
    const camera: MapState['camera'] = d.camera
      ? {
          type: 'center',
          center: d.camera.center as [number, number],
          zoom: d.camera.zoom,
          bearing: d.camera.bearing,
          pitch: d.camera.pitch,
        }
      : {
          type: 'bounds',
          bounds: unionBbox(d.fit!.map((id) => get(id).bbox))!,
          maxZoom: FIT_MAX_ZOOM,
          bearing: 0,
          pitch: 0,
        };
    const focusIds = d.highlight.length > 0 ? d.highlight : (d.fit ?? []);
    const focus = unionBbox(focusIds.map((id) => get(id).bbox));
    const visibleFeatures = visible.map(get);
    const highlightFeatures = d.highlight.map(get);
    const state: MapState = {
      camera,
      visible,
      highlight,
      transition: d.transition,
      ...(focus ? { focus } : {}),
      legend: legendFor(visibleFeatures, highlight.length > 0, kinds),
    };
    const alt = d.alt ?? describeMap(visibleFeatures, highlightFeatures, previousFocus);
    if (highlightFeatures[0]) previousFocus = highlightFeatures[0];
    return {
      id: step.id,
      index,
      title: d.title,
      date: d.date,
      dateLabel: formatDate(d.date, d.time_approximate),
      sources: d.sources.map((k) => sources.get(k)!).filter(Boolean),
      alt,
      altGenerated: d.alt === undefined,
      state,
    };
  });
}

export function legendFor(
  features: DisplayFeature[],
  hasHighlight: boolean,
  kinds: Kinds = storyKinds(),
): LegendItem[] {
  const items: LegendItem[] = [];
  const seen = new Set<string>();
  for (const f of features) {
    const style = kinds.style(f.kind);
    if (!style.legend || seen.has(style.label)) continue;
    seen.add(style.label);
    // The swatch looks like what the map draws for it.
    const symbol: LegendItem['symbol'] =
      f.shape === 'line'
        ? 'line'
        : f.approximate && f.precision_m >= AREA_ONLY_FROM_M
          ? 'area'
          : f.shape === 'polygon'
            ? 'outline'
            : 'point';
    items.push({ key: f.kind, label: style.label, color: style.color, symbol });
  }
  if (hasHighlight)
    items.push({ key: 'highlight', label: 'Highlighted', color: HIGHLIGHT_COLOR, symbol: 'highlight' });
  const approx = features.filter((f) => f.approximate);
  if (approx.length > 0) {
    items.push({
      key: 'approximate',
      label: 'Approximate location (circle = uncertainty)',
      color: '#555555',
      symbol: 'approximate',
    });
  }
  const schematic = features.filter((f) => f.schematic).map((f) => f.precision_m);
  if (schematic.length > 0) {
    // Say how far off a constructed outline may be, not only that it is constructed.
    const [lo, hi] = [Math.min(...schematic), Math.max(...schematic)];
    const range = lo === hi ? `±${lo} m` : `±${lo}–${hi} m`;
    items.push({
      key: 'schematic',
      label: `Schematic outline (not traced, ${range})`,
      color: '#555555',
      symbol: 'schematic',
    });
  }
  return items;
}

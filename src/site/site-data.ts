/**
 * Build-time glue between the content collections and the pages: the resolved
 * stories, and the static data files (story GeoJSON) the map loads.
 * Data files are named by a hash of their bytes so browsers can cache them forever.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { createHash } from 'node:crypto';
import type { Geometry } from 'geojson';
import { displayFeature, storyGeoJson, unionBbox, type DisplayFeature } from '../story/display';
import type { Bbox } from '../core/bbox';
import type { StoryFeature } from '../geo/read-geojson';
import { countryOutlines } from '../geo/countries';
import { renderStaticMap, staticMapRegion, STATIC_MAP } from '../static-map/render-svg';
import { needsLocator, renderLocator, viewOf } from '../static-map/locator';
import { geoMercator } from 'd3-geo';
import { AREA_ONLY_FROM_M, storyKinds } from '../story/kinds';
import { basemapTwin, type BasemapPlace } from '../basemap/twins';
import { GAZETTEER as basemapPlaces } from '../basemap/places';
import type { LoadedStory } from '../story/check-content';
import { resolveSteps, type ResolvedStep } from '../story/resolve-steps';

export interface SiteStory {
  slug: string;
  entry: CollectionEntry<'stories'>;
  loaded: LoadedStory;
  steps: ResolvedStep[];
  stepEntries: CollectionEntry<'steps'>[];
  /** Every feature any step shows, for "Sources and methods". */
  places: (DisplayFeature & { name: string; source: string; note?: string; basemap?: 'water' | 'bridge' })[];
  bbox: Bbox;
  dataFile: DataFile;
  /** One static SVG map per step, in step order: for no WebGL, no JavaScript and print. */
  staticMaps: DataFile[];
  /** Per step: the locator inset of a close view (src/static-map/locator.ts), else undefined. */
  locators: (DataFile | undefined)[];
}

export interface DataFile {
  /** Name under /data/, hash included: `story-<slug>.<hash>.json`. */
  name: string;
  body: string;
}

function dataFile(stem: string, value: unknown, ext = 'json'): DataFile {
  const body = typeof value === 'string' ? value : JSON.stringify(value);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { name: `${stem}.${hash}.${ext}`, body };
}

let cache: Promise<SiteStory[]> | undefined;
let cacheKey = '';

export async function siteStories(): Promise<SiteStory[]> {
  const [stories, steps, features] = await Promise.all([
    getCollection('stories'),
    getCollection('steps'),
    getCollection('features'),
  ]);
  // In dev the collections change while the server runs: rebuild when they do.
  const key = [...stories, ...steps, ...features]
    .map((e) => `${e.collection}/${e.id}:${e.digest ?? ''}`)
    .join('|');
  if (!cache || key !== cacheKey) {
    cacheKey = key;
    cache = Promise.resolve(build(stories, steps, features));
  }
  return cache;
}

function build(
  stories: CollectionEntry<'stories'>[],
  steps: CollectionEntry<'steps'>[],
  featureEntries: CollectionEntry<'features'>[],
): SiteStory[] {
  const features: StoryFeature[] = featureEntries.map((e) => ({
    id: e.id,
    file: e.data.file,
    line: e.data.line,
    properties: e.data.properties,
    geometry: e.data.geometry as unknown as Geometry,
  }));
  const byId = new Map(features.map((f) => [f.id, f]));
  return stories
    .map((entry) => {
      const stepEntries = steps
        .filter((s) => s.data.story === entry.id)
        .sort((a, b) => a.data.order - b.data.order);
      const loaded: LoadedStory = {
        slug: entry.id,
        file: entry.data.file,
        data: entry.data.frontmatter,
        body: entry.body ?? '',
        steps: stepEntries.map((s) => ({
          id: s.data.stepId,
          file: s.data.file,
          order: s.data.order,
          data: s.data.frontmatter,
          body: s.body ?? '',
        })),
      };
      const kinds = storyKinds(loaded.data.kinds);
      const resolved = resolveSteps(loaded, features);
      const usedIds = [...new Set(resolved.flatMap((s) => s.state.visible))].sort();
      const used = usedIds.map((id) => byId.get(id)!);
      const place = (f: StoryFeature) => ({
        ...displayFeature(f, kinds),
        name: f.properties.name,
        source: f.properties.source,
        ...(f.properties.note ? { note: f.properties.note } : {}),
        ...(f.properties.basemap ? { basemap: f.properties.basemap } : {}),
      });
      const places = used.map(place);
      // Schematic overlays the basemap draws (a river's banks, bridge decks) are on this
      // story's map too wherever they lie in its area: "Sources and methods" lists them.
      const area = unionBbox(places.map((p) => p.bbox))!;
      const overlays = features
        .filter((f) => f.properties.basemap && !usedIds.includes(f.id))
        .map(place)
        .filter(
          (p) => p.bbox[0] <= area[2] && p.bbox[2] >= area[0] && p.bbox[1] <= area[3] && p.bbox[3] >= area[1],
        );
      const geojson = storyGeoJson(used, kinds);
      const labels = places.map((p, i) => {
        // The story's further label languages (label_languages), in its order; the check makes sure each is there.
        const alt = loaded.data.label_languages.flatMap((lang) => {
          const text = used[i]!.properties.labels?.[lang];
          return text ? [{ lang, text }] : [];
        });
        const area = p.approximate && p.precision_m >= AREA_ONLY_FROM_M;
        // An area's label names the area, not the town under it.
        const twin =
          area || p.schematic
            ? undefined
            : basemapTwin({ label: p.label, at: p.labelAt }, basemapPlaces as BasemapPlace[]);
        return {
          id: p.id,
          label: p.label,
          ...(alt.length ? { alt } : {}),
          at: p.labelAt,
          kind: p.kind,
          area,
          schematic: p.schematic,
          ...(p.nameOnly || (p.shape === 'polygon' && used[i]!.geometry.type === 'Point')
            ? { onPlace: true }
            : {}),
          ...(twin ? { basemapTwin: twin } : {}),
        };
      });
      const countries = countryOutlines(staticMapRegion(resolved.map((s) => s.state)));
      const staticMaps = resolved.map((step) =>
        dataFile(
          step.id,
          renderStaticMap({
            state: step.state,
            countries,
            story: geojson,
            labels,
            title: `Map: ${step.title}`,
            towns: basemapPlaces,
          }),
          'svg',
        ),
      );
      // The live map's locator inset (src/client/orientation.ts), for the steps that look closely.
      const locators = resolved.map((step) => {
        const view = stepView(step.state);
        return view && needsLocator(view)
          ? dataFile(
              `${step.id}-locator`,
              renderLocator(view, countryOutlines(locatorRegion(view.center)), basemapPlaces),
              'svg',
            )
          : undefined;
      });
      return {
        slug: entry.id,
        entry,
        loaded,
        steps: resolved,
        stepEntries,
        places: [...places, ...overlays],
        bbox: area,
        dataFile: dataFile(`story-${entry.id}`, { geojson, labels }),
        staticMaps,
        locators,
      };
    })
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

/** A step's view as the static map draws it (the live map's width is not known at build time). */
function stepView(state: ResolvedStep['state']) {
  const c = state.camera;
  if (c.type !== 'center') {
    // Framed steps: the static map's own fit, without the d3 bookkeeping.
    const [w, s, e, n] = c.bounds;
    const p = geoMercator().fitExtent(
      [
        [STATIC_MAP.padding, STATIC_MAP.padding],
        [STATIC_MAP.width - STATIC_MAP.padding, STATIC_MAP.height - STATIC_MAP.padding],
      ],
      {
        type: 'Polygon',
        coordinates: [
          [
            [w, s],
            [w, n],
            [e, n],
            [e, s],
            [w, s],
          ],
        ],
      },
    );
    const v = viewOf(p, STATIC_MAP.width, STATIC_MAP.height);
    return { ...v, zoom: Math.min(v.zoom, c.maxZoom) };
  }
  return { center: c.center, zoom: c.zoom, width: STATIC_MAP.width };
}

/** The countries a locator inset may show: a generous box around the view it locates. */
const locatorRegion = ([lon, lat]: [number, number]): Bbox => [lon - 15, lat - 12, lon + 15, lat + 12];

/**
 * Reads one `geo/*.geojson` file into story features, reporting every problem with
 * its line. Pure: takes the file's text, returns features and issues.
 */
import { findNodeAtLocation, parse, parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { Feature, Geometry, Position } from 'geojson';
import { FeatureProperties } from '../content/schema/feature';
import { FeatureId } from '../content/schema/primitives';
import { fromSchema, fromSchemaIssue, says, type Said } from '../core/messages';
import { fieldPath, type Issue } from '../core/issues';
import { jsonSyntaxIssues, lineOfOffset, lineStarts } from './json-syntax';

export interface StoryFeature {
  id: string;
  file: string;
  line: number;
  /** Position in the file's "features" list, and the line of its coordinates (for messages). */
  index?: number;
  geometryLine?: number;
  properties: FeatureProperties;
  geometry: Geometry;
}

const GEOMETRY_TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
] as const;

/** A feature with an id that failed its checks: steps naming it are told where, not "no such id". */
export interface InvalidFeature {
  id: string;
  file: string;
  line: number;
}

export function readGeoJsonFile(
  file: string,
  text: string,
): { features: StoryFeature[]; issues: Issue[]; invalid: InvalidFeature[] } {
  const invalid: InvalidFeature[] = [];
  const issues: Issue[] = [];
  const lines = lineStarts(text);
  const lineAt = (offset: number) => lineOfOffset(lines, offset);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !tree) {
    issues.push(...jsonSyntaxIssues(file, text, lineAt));
    return { features: [], issues, invalid };
  }
  const root = parse(text) as unknown;
  const at = (path: (string | number)[]) => {
    const node: Node | undefined = findNodeAtLocation(tree, path);
    return node ? lineAt(node.offset) : undefined;
  };
  const err = (path: (string | number)[], said: Said, field = fieldPath(path)) =>
    issues.push({ file, line: at(path) ?? nearestLine(tree, path, lineAt), field, ...said });

  if (!isObject(root) || root.type !== 'FeatureCollection' || !Array.isArray(root.features)) {
    err([], says('geo.not-collection'), 'type');
    return { features: [], issues, invalid };
  }
  const features: StoryFeature[] = [];
  root.features.forEach((f: unknown, i: number) => {
    const base: (string | number)[] = ['features', i];
    if (!isObject(f) || f.type !== 'Feature') {
      err([...base, 'type'], says('geo.not-feature'), `features[${i}]`);
      return;
    }
    let ok = true;
    const idParse = FeatureId.safeParse(f.id);
    if (f.id === undefined) {
      ok = false;
      const propertiesId =
        isObject(f.properties) && typeof f.properties.id === 'string' ? f.properties.id : undefined;
      err(base, says('geo.no-id', { propertiesId }), `features[${i}].id`);
    } else if (!idParse.success) {
      ok = false;
      err(
        [...base, 'id'],
        says('geo.bad-id', {
          id: JSON.stringify(f.id),
          why: fromSchema(idParse.error.issues[0]!.message).message,
        }),
      );
    }
    const props = FeatureProperties.safeParse(f.properties ?? {});
    if (!props.success) {
      ok = false;
      for (const issue of props.error.issues) {
        err([...base, 'properties', ...(issue.path as (string | number)[])], fromSchemaIssue(issue));
      }
    }
    const geomIssues = checkGeometry(f.geometry);
    for (const g of geomIssues) {
      ok = false;
      err([...base, 'geometry', ...g.path], g.said);
    }
    if (ok && props.success) {
      features.push({
        id: f.id as string,
        file,
        line: at([...base, 'id']) ?? at(base) ?? 1,
        index: i,
        geometryLine: at([...base, 'geometry', 'coordinates']) ?? at([...base, 'geometry']) ?? 1,
        properties: props.data,
        geometry: f.geometry as Geometry,
      });
    } else if (typeof f.id === 'string')
      invalid.push({ id: f.id, file, line: at([...base, 'id']) ?? at(base) ?? 1 });
  });
  return { features, issues, invalid };
}

interface GeomIssue {
  path: (string | number)[];
  said: Said;
}

/** RFC 7946 shape, ranges and closed rings. */
export function checkGeometry(g: unknown): GeomIssue[] {
  if (!isObject(g)) return [{ path: [], said: says('geo.no-geometry') }];
  const type = g.type as string;
  if (!(GEOMETRY_TYPES as readonly string[]).includes(type)) {
    return [{ path: ['type'], said: says('geo.geometry-type', { type: JSON.stringify(type) }) }];
  }
  const c = g.coordinates;
  const out: GeomIssue[] = [];
  const pos = (p: unknown, path: (string | number)[]) => {
    if (
      !Array.isArray(p) ||
      p.length < 2 ||
      p.length > 3 ||
      !p.every((n) => typeof n === 'number' && Number.isFinite(n))
    ) {
      out.push({ path, said: says('geo.position-not-pair') });
      return;
    }
    const [lon, lat] = p as number[];
    if (lon! < -180 || lon! > 180)
      out.push({ path: [...path, 0], said: says('geo.longitude-range', { value: lon! }) });
    if (lat! < -90 || lat! > 90)
      out.push({ path: [...path, 1], said: says('geo.latitude-range', { value: lat! }) });
  };
  const list = (l: unknown, path: (string | number)[], min: number, what: string) => {
    if (!Array.isArray(l) || l.length < min) {
      out.push({ path, said: says('geo.too-few-positions', { what, min }) });
      return false;
    }
    l.forEach((p, i) => pos(p, [...path, i]));
    return true;
  };
  const ring = (r: unknown, path: (string | number)[]) => {
    if (!list(r, path, 4, 'a polygon ring')) return;
    const a = (r as Position[])[0]!;
    const b = (r as Position[])[(r as Position[]).length - 1]!;
    if (a[0] !== b[0] || a[1] !== b[1]) {
      out.push({ path, said: says('geo.ring-not-closed', { first: `[${a.join(', ')}]` }) });
    }
  };
  const polygon = (p: unknown, path: (string | number)[]) => {
    if (!Array.isArray(p) || p.length === 0) out.push({ path, said: says('geo.polygon-not-rings') });
    else p.forEach((r, i) => ring(r, [...path, i]));
  };
  const path = ['coordinates'];
  switch (type) {
    case 'Point':
      pos(c, path);
      break;
    case 'MultiPoint':
      list(c, path, 1, 'a MultiPoint');
      break;
    case 'LineString':
      list(c, path, 2, 'a line');
      break;
    case 'MultiLineString':
      if (!Array.isArray(c)) out.push({ path, said: says('geo.multiline-not-lines') });
      else c.forEach((l, i) => list(l, [...path, i], 2, 'a line'));
      break;
    case 'Polygon':
      polygon(c, path);
      break;
    case 'MultiPolygon':
      if (!Array.isArray(c)) out.push({ path, said: says('geo.multipolygon-not-polygons') });
      else c.forEach((p, i) => polygon(p, [...path, i]));
      break;
  }
  return out;
}

/** Ids must be unique across every file in geo/. */
export function duplicateIdIssues(features: StoryFeature[]): Issue[] {
  const first = new Map<string, StoryFeature>();
  const issues: Issue[] = [];
  for (const f of features) {
    const prev = first.get(f.id);
    if (prev) {
      issues.push({
        file: f.file,
        line: f.line,
        field: 'id',
        ...says('geo.duplicate-id', { id: f.id, first: `${prev.file}:${prev.line}` }),
      });
    } else first.set(f.id, f);
  }
  return issues;
}

function nearestLine(tree: Node, path: (string | number)[], lineAt: (o: number) => number): number {
  for (let n = path.length - 1; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n));
    if (node) return lineAt(node.offset);
  }
  return 1;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export type { Feature };

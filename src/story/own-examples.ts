/**
 * Messages show examples from the editor's own content, not from any story the engine
 * was built with: the schemas write stand-ins (EXAMPLE in src/content/schema/primitives.ts)
 * and the check fills in ids and a position from the files it read.
 */
import type { StoryFeature } from '../geo/read-geojson';
import { EXAMPLE } from '../content/schema/primitives';
import type { Issue } from '../core/issues';

const round2 = (n: number) => String(Math.round(n * 100) / 100);

export function withOwnExamples(issues: Issue[], features: StoryFeature[]): Issue[] {
  const ids = features.map((f) => f.id);
  const point = features.find((f) => f.geometry.type === 'Point')?.geometry as
    { coordinates: number[] } | undefined;
  const own: [string, string | undefined][] = [
    [EXAMPLE.ids, ids.length >= 2 ? `[${ids[0]}, ${ids[1]}]` : undefined],
    [EXAMPLE.id, ids[0]],
    [
      EXAMPLE.center,
      point ? `[${round2(point.coordinates[0]!)}, ${round2(point.coordinates[1]!)}]` : undefined,
    ],
  ];
  return issues.map((i) => {
    let message = i.message;
    for (const [stand, mine] of own) if (mine) message = message.split(stand).join(mine);
    return message === i.message ? i : { ...i, message };
  });
}

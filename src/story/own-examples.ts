/**
 * Messages show examples from the editor's own content, not from any story the engine
 * was built with: the catalogue writes stand-ins (EXAMPLE in src/core/messages) and the
 * check fills in ids, a position and a source key from the files it read.
 */
import { EXAMPLE } from '../core/messages';
import type { StoryFeature } from '../geo/read-geojson';
import type { Issue } from '../core/issues';

const round2 = (n: number) => String(Math.round(n * 100) / 100);

export function withOwnExamples(
  issues: Issue[],
  features: StoryFeature[],
  stories: { file: string; data: { sources: { key: string }[] } }[] = [],
): Issue[] {
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
  // A source key of the issue's own story, else of any story read.
  const keyFor = (file: string) =>
    (stories.find((s) => file.startsWith(s.file.slice(0, s.file.lastIndexOf('/') + 1))) ?? stories[0])?.data
      .sources[0]?.key;
  return issues.map((i) => {
    let message = i.message;
    for (const [stand, mine] of [...own, [EXAMPLE.source, keyFor(i.file)] as const])
      if (mine) message = message.split(stand).join(mine);
    return message === i.message ? i : { ...i, message };
  });
}

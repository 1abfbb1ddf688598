/**
 * Every kind a feature or a story's `kinds:` names must be one the story knows: the
 * engine's or one it declares. Otherwise a typo ("lanmark") would quietly draw a
 * generic place under the wrong legend words.
 */
import type { StoryFeature } from '../geo/read-geojson';
import { says } from '../core/messages';
import type { Issue } from '../core/issues';
import { DEFAULT_KINDS, storyKinds, type KindDeclaration } from './kinds';
import { nearest } from '../core/suggest';

export interface StoryKindsInUse {
  /** The story's story.md. */
  file: string;
  kinds: Readonly<Record<string, KindDeclaration>>;
  /** Line of each declared kind's `like`, for its message. */
  lineOfLike?: (kind: string) => number | undefined;
  /** Ids of the features its steps name. */
  uses: ReadonlySet<string>;
}

export function unknownKindIssues(features: StoryFeature[], stories: StoryKindsInUse[]): Issue[] {
  const issues: Issue[] = [];
  const defaults = Object.keys(DEFAULT_KINDS).sort();
  for (const s of stories) {
    for (const [name, d] of Object.entries(s.kinds)) {
      if (d.like === undefined || DEFAULT_KINDS[d.like]) continue;
      const near = nearest(d.like, defaults);
      issues.push({
        file: s.file,
        line: s.lineOfLike?.(name),
        field: `kinds.${name}.like`,
        ...says('kind.like-unknown', { like: d.like, near, kinds: defaults }),
      });
    }
  }
  for (const f of features) {
    const kind = f.properties.kind;
    const users = stories.filter((s) => s.uses.has(f.id));
    // A place no story shows yet only needs its kind to be known somewhere.
    const judges =
      users.length > 0 ? users : [{ file: '', kinds: Object.assign({}, ...stories.map((s) => s.kinds)) }];
    for (const s of judges) {
      const known = storyKinds(s.kinds).names;
      if (known.includes(kind)) continue;
      issues.push({
        file: f.file,
        line: f.line,
        field: 'properties.kind',
        ...says('feature.kind-unknown', {
          kind,
          near: nearest(kind, known),
          kinds: known,
          declareIn: s.file || 'the story.md of a story that shows it',
        }),
      });
      break;
    }
  }
  return issues;
}

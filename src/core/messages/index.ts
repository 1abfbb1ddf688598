/**
 * The catalogue of every message an editor can get from `npm run check` (and so from the
 * build and `npm run dev`), and from the tools that write to stories/: each under a stable id, with its severity, its text built from
 * the editor's own values, and an example for the guide (stories/README.md lists them all).
 * Checks never write a message by hand: they call `says`, or `schemaSays` inside a zod
 * schema, so every issue carries the id of its entry and tests/unit/messages.test.ts can
 * pin each entry's exact text.
 */
import { CAMERA_MESSAGES } from './camera';
import type { Entry, Severity } from './entry';
import { FILE_MESSAGES } from './files';
import { PLACE_MESSAGES } from './places';
import { STEP_MESSAGES } from './steps';
import { STORY_MESSAGES } from './stories';
import { TOOL_MESSAGES } from './tools';

export { EXAMPLE, type Entry, type Severity } from './entry';

/** Grouped as the guide shows them. */
export const MESSAGE_GROUPS = {
  'Files and frontmatter': FILE_MESSAGES,
  'Step fields and what they refer to': STEP_MESSAGES,
  "A step's view": CAMERA_MESSAGES,
  'Story fields (story.md)': STORY_MESSAGES,
  'Places (geo/*.geojson)': PLACE_MESSAGES,
  'new-story, new-step and the camera picker': TOOL_MESSAGES,
} as const;

export const MESSAGES = {
  ...FILE_MESSAGES,
  ...STEP_MESSAGES,
  ...CAMERA_MESSAGES,
  ...STORY_MESSAGES,
  ...PLACE_MESSAGES,
  ...TOOL_MESSAGES,
};

export type MessageId = keyof typeof MESSAGES;
export type ParamsOf<K extends MessageId> = (typeof MESSAGES)[K] extends Entry<infer P> ? P : never;
/** No argument for a message without values, else its values. */
export type Args<K extends MessageId> = keyof ParamsOf<K> extends never ? [] : [ParamsOf<K>];

export interface Said {
  id: MessageId;
  message: string;
  severity: Severity;
}

const entryOf = (id: MessageId) => MESSAGES[id] as Entry<unknown>;

/** The message `id` with the editor's values: spread it into an issue beside file, line and field. */
export function says<K extends MessageId>(id: K, ...args: Args<K>): Said {
  const e = entryOf(id);
  return { id, message: e.text(args[0] ?? {}), severity: e.severity };
}

/** Marks a zod message with its id, so the check can tell which entry it is (see `fromSchema`). */
const MARK = '\u0000';

/** For zod's `error` option and `ctx.addIssue`: the message, marked with its id. */
export function schemaSays<K extends MessageId>(id: K, ...args: Args<K>): string {
  return `${MARK}${id}${MARK}${says(id, ...args).message}`;
}

/**
 * A zod issue's message as the catalogue's: its id and text. An unmarked message is
 * zod's own, from a rule someone added without a catalogue entry: it is reported as
 * `field.invalid` rather than lost.
 */
export function fromSchema(message: string): Said {
  const end = message.startsWith(MARK) ? message.indexOf(MARK, 1) : -1;
  const id = message.slice(1, end);
  if (end > 0 && id in MESSAGES)
    return {
      id: id as MessageId,
      message: message.slice(end + 1),
      severity: entryOf(id as MessageId).severity,
    };
  return says('field.invalid', { zod: message });
}

/**
 * A zod issue as the catalogue's message. A record key that fails its rule (a kind name,
 * a label's language) carries its own message inside; zod puts the record's on top.
 */
export function fromSchemaIssue(issue: {
  code?: string;
  message: string;
  issues?: readonly { message: string }[];
}): Said {
  const inner = issue.code === 'invalid_key' ? issue.issues?.[0]?.message : undefined;
  return fromSchema(inner ?? issue.message);
}

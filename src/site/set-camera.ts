/**
 * Writes a step's `camera` into its Markdown text for the camera picker, changing
 * nothing else: the new value replaces exactly the characters of the old one (found
 * with the YAML parser's source ranges), so other fields, comments, quoting, line
 * endings and the body stay byte for byte. Pure: text in, text out.
 *
 * A step that used `fit` gets `camera` in its place, and the old `fit` is kept as a
 * comment line just above (`# fit: [a, b] (replaced by the camera picker)`) so the
 * editor can go back.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Pair } from 'yaml';
import { fromSchemaIssue, says, type MessageId, type Said } from '../core/messages';
import { Camera } from '../content/schema/primitives';
import { num } from '../story/geo-checks';

export interface PickedCamera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** A failure carries its message's catalogue id (src/core/messages) beside the text. */
export type SetCameraResult = { ok: true; text: string } | { ok: false; error: string; id: MessageId };

const fail = ({ id, message }: Said): SetCameraResult => ({ ok: false, error: message, id });

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;

/** The picked view rounded the way an editor would write it: ~1 m, 1/100 zoom level, 1/10 degree. */
function roundCamera(c: PickedCamera): PickedCamera {
  const r = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d || 0;
  return {
    center: [r(c.center[0], 5), r(c.center[1], 5)],
    zoom: r(c.zoom, 2),
    bearing: r(c.bearing, 1),
    pitch: r(c.pitch, 1),
  };
}

export function setCamera(text: string, picked: PickedCamera): SetCameraResult {
  const valid = Camera.safeParse(picked);
  if (!valid.success)
    return fail(says('picker.not-a-camera', { why: fromSchemaIssue(valid.error.issues[0]!).message }));
  const cam = roundCamera(picked);
  const open = OPEN.exec(text);
  if (!open) return fail(says('picker.no-frontmatter'));
  const start = open[0].length;
  const close = /^---[ \t]*\r?$/m.exec(text.slice(start));
  if (!close) return fail(says('picker.frontmatter-not-closed'));
  const yaml = text.slice(start, start + close.index);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(yaml);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return fail(says('picker.frontmatter-does-not-parse'));
  const pairs = doc.contents.items as Pair[];
  const find = (k: string) => pairs.find((p) => isPair(p) && isScalar(p.key) && p.key.value === k);
  const camera = find('camera');
  const fit = find('fit');
  const had = (k: 'bearing' | 'pitch') =>
    isMap(camera?.value) && camera.value.items.some((p) => isScalar(p.key) && p.key.value === k);
  const entries: [string, string][] = [
    ['center', `[${num(cam.center[0])}, ${num(cam.center[1])}]`],
    ['zoom', num(cam.zoom)],
    ...(cam.bearing !== 0 || had('bearing') ? [['bearing', num(cam.bearing)] as [string, string]] : []),
    ...(cam.pitch !== 0 || had('pitch') ? [['pitch', num(cam.pitch)] as [string, string]] : []),
  ];
  const flow = `{ ${entries.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
  let from: number;
  let to: number;
  let replacement: string;
  if (camera) {
    const v = camera.value as { range?: [number, number, number]; flow?: boolean } | null;
    if (!v?.range) return fail(says('picker.camera-empty'));
    [from, to] = v.range;
    if (isMap(v) && !v.flow) {
      // A block mapping: keep it a block, at its own indentation.
      const lineStart = yaml.lastIndexOf('\n', from - 1) + 1;
      const indent = yaml.slice(lineStart, from);
      replacement = entries.map(([k, val]) => `${k}: ${val}`).join(`${eol}${indent}`);
    } else replacement = flow;
  } else if (fit) {
    const key = fit.key as { range?: [number, number, number] };
    const v = fit.value as { range?: [number, number, number] } | null;
    if (!key.range || !v?.range) return fail(says('picker.fit-empty'));
    const ids = isSeq(fit.value)
      ? fit.value.items.map((i) => (isScalar(i) ? String(i.value) : String(i)))
      : [];
    from = key.range[0];
    to = v.range[1];
    replacement = `# fit: [${ids.join(', ')}] (replaced by the camera picker)${eol}camera: ${flow}`;
  } else {
    return fail(says('picker.no-view'));
  }
  // Block collections' ranges run past their last line break: stop at the last value.
  while (to > from && /\s/.test(yaml[to - 1]!)) to--;
  const out = text.slice(0, start + from) + replacement + text.slice(start + to);
  // Belt and braces: the result parses, holds the new camera, and every other field is as it was.
  const check = parseDocument(out.slice(start, out.length - (text.length - start - close.index)));
  const before = doc.toJS() as Record<string, unknown>;
  const after = check.toJS() as Record<string, unknown> | null;
  delete before.camera;
  delete before.fit;
  const afterCamera = after?.camera;
  if (after) delete after.camera;
  if (
    check.errors.length > 0 ||
    JSON.stringify(after) !== JSON.stringify(before) ||
    JSON.stringify(afterCamera) !==
      JSON.stringify(
        Object.fromEntries(entries.map(([k]) => [k, k === 'center' ? cam.center : cam[k as 'zoom']])),
      )
  ) {
    return fail(says('picker.would-change-more'));
  }
  return { ok: true, text: out };
}

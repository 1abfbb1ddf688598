/**
 * A file's frontmatter against its schema: YAML syntax errors, zod's issues as the
 * catalogue's messages (unknown fields with the nearest known name), and the camera/fit
 * rule for files whose other errors stop zod before it runs.
 */
import type { z } from 'astro/zod';
import { fromSchemaIssue, says } from '../core/messages';
import type { ParsedMarkdown } from '../content/read/frontmatter';
import { StepFrontmatter } from '../content/schema/step';
import { fieldPath, type Issue } from '../core/issues';
import { nearest } from '../core/suggest';

export function validate<S extends z.ZodType>(
  file: string,
  parsed: ParsedMarkdown,
  schema: S,
  issues: Issue[],
): z.infer<S> | undefined {
  for (const { line, ...said } of parsed.syntaxErrors) issues.push({ file, line, ...said });
  if (!parsed.data) return undefined;
  const r = schema.safeParse(parsed.data);
  if (r.success) return r.data;
  for (const issue of r.error.issues) {
    const path = issue.path as (string | number)[];
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      for (const key of issue.keys) {
        issues.push({
          file,
          line: parsed.lineOf([...path, key]),
          field: fieldPath([...path, key]),
          ...says('step.unknown-field', { near: nearest(key, known) }),
        });
      }
      continue;
    }
    issues.push({ file, line: parsed.lineOf(path), field: fieldPath(path), ...fromSchemaIssue(issue) });
  }
  return undefined;
}

/** The strings of a list field as written, with their index: ids and keys, checked even when the schema fails. */
export function stringsAt(raw: Record<string, unknown>, field: string): [string, number][] {
  const v = raw[field];
  return Array.isArray(v)
    ? v.flatMap((x, i) => (typeof x === 'string' ? [[x, i] as [string, number]] : []))
    : [];
}

/** The camera/fit rule, for files whose other errors stop zod before its refinement runs. */
export function cameraOrFit(file: string, raw: Record<string, unknown>, parsed: ParsedMarkdown): Issue[] {
  const r = StepFrontmatter.safeParse({
    title: 't',
    date: '2000-01-01',
    sources: ['s'],
    ...(raw.camera !== undefined ? { camera: { center: [0, 0], zoom: 1 } } : {}),
    ...(raw.fit !== undefined ? { fit: ['x'] } : {}),
  });
  if (r.success) return [];
  return r.error.issues.map((i) => ({
    file,
    line: parsed.lineOf(i.path as (string | number)[]),
    field: fieldPath(i.path as (string | number)[]),
    ...fromSchemaIssue(i),
  }));
}

/** The field names the schema accepts at `path`, for "did you mean" hints. */
function knownKeys(schema: z.ZodType, path: (string | number)[]): string[] {
  // zod 4 keeps a schema's shape in its untyped internal definition.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let s: any = schema;
  const unwrap = () => {
    for (let i = 0; i < 10 && s; i++) {
      const def = s._zod?.def;
      if (!def) break;
      if (def.type === 'object') return;
      s = def.innerType ?? def.in ?? def.schema ?? def.element ?? undefined;
    }
  };
  unwrap();
  for (const p of path) {
    if (!s) return [];
    if (typeof p === 'number') {
      s = s._zod?.def?.element;
    } else {
      s = s._zod?.def?.shape?.[p];
    }
    unwrap();
  }
  return s?._zod?.def?.shape ? Object.keys(s._zod.def.shape) : [];
}

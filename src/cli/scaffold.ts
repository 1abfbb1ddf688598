/**
 * `npm run new-story` and `npm run new-step`: create files from the templates in
 * src/story/scaffold.ts. A file is only ever created, never replaced: every write
 * uses the exclusive flag, so even a file that appeared a moment ago is left alone.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContent } from '../site/read-content';
import { STEP_FILE } from '../story/check-content';
import { says, type MessageId } from '../core/messages';
import { splitWhatToDo } from '../core/issues';
import { storyRegion } from '../story/geo-checks';
import { planNewStep, planNewStory, type Plan, type StoryOnDisk } from '../story/scaffold';
import { nearArea } from '../story/near-area';
import { GAZETTEER as gazetteer } from '../basemap/places';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface Result {
  code: number;
  out: string;
  /** When nothing was created for a reason the catalogue names (src/core/messages). */
  id?: MessageId;
}

/** "Nothing was created." and the catalogue's message, as `what is wrong — what to do`. */
const refused = ({ id, message }: { id: MessageId; message: string }): Result => ({
  code: 1,
  out: `Nothing was created. ${capital(splitWhatToDo(message))}`,
  id,
});

const dirs = (p: string) => {
  try {
    return readdirSync(p, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
};

function write(root: string, plan: Plan, next: string): Result {
  if (!plan.ok) return refused({ id: plan.id, message: plan.error });
  const created: string[] = [];
  for (const f of plan.files) {
    try {
      writeFileSync(join(root, f.path), f.text, { flag: 'wx' });
      created.push(f.path);
    } catch (e) {
      const exists = (e as NodeJS.ErrnoException).code === 'EEXIST';
      const done = created.length ? ` (created ${created.join(', ')} before it)` : '';
      return {
        code: 1,
        out: `Stopped: ${f.path} ${exists ? 'already exists and was left as it is' : `could not be written (${(e as Error).message})`}${done}.`,
      };
    }
  }
  return { code: 0, out: [...created.map((p) => `Created ${p}`), next].join('\n') };
}

export async function newStory(root: string, args: string[]): Promise<Result> {
  const rest = [...args];
  let near: string | undefined;
  const n = rest.indexOf('--near');
  if (n >= 0) {
    near = rest[n + 1];
    rest.splice(n, 2);
    if (near === undefined) return refused(says('new-story.near-needs-place'));
  }
  const slug = rest[0];
  const today = new Date().toISOString().slice(0, 10);
  // The first view opens where the story is: --near, else nowhere in particular (the whole
  // world), never on the places of another story.
  const where = near === undefined ? undefined : nearArea(near, gazetteer);
  if (where && !where.ok) return refused({ id: where.id, message: where.error });
  const plan = planNewStory(slug, dirs(join(root, 'stories')), today, where?.area);
  if (plan.ok) {
    mkdirSync(join(root, 'stories'), { recursive: true });
    try {
      // Not recursive: if the folder appeared meanwhile, stop rather than write into it.
      mkdirSync(join(root, 'stories', slug!));
    } catch {
      return refused(says('new-story.exists', { slug: slug! }));
    }
  }
  const view = where
    ? `The first step's map opens near ${where.what}.`
    : 'The first step\'s map shows the whole world: open it where your story is with --near "<longitude>,<latitude>" or --near <town>, or set its view with the camera picker.';
  return write(
    root,
    plan,
    `${view}\nNext: fill in story.md and the first step, then preview with npm run dev. Add steps with npm run new-step -- ${slug} <name>. Guide: stories/README.md`,
  );
}

export async function newStep(root: string, args: string[]): Promise<Result> {
  const rest = [...args];
  let after: string | undefined;
  const a = rest.indexOf('--after');
  if (a >= 0) {
    after = rest[a + 1];
    rest.splice(a, 2);
    if (after === undefined) return refused(says('new-step.after-needs-step'));
  }
  const [slug, name] = rest;
  const slugs = dirs(join(root, 'stories'));
  let story: StoryOnDisk | undefined;
  const content = await readContent(root);
  if (slug && slugs.includes(slug)) {
    const loaded = content.stories.find((s) => s.slug === slug);
    const files = readdirSync(join(root, 'stories', slug)).filter((f) => STEP_FILE.test(f));
    story = {
      slug,
      sourceKeys: loaded?.data.sources.map((s) => s.key) ?? [],
      steps: files.map((f) => {
        const [, n, id] = STEP_FILE.exec(f)!;
        const file = `stories/${slug}/${f}`;
        const data = loaded?.steps.find((s) => s.file === file)?.data;
        return { order: Number(n), id: id!, file, ...(data ? { data } : {}) };
      }),
    };
  }
  // A step with no view to start from opens on this story's own places.
  const own = new Set(
    content.stories
      .find((s) => s.slug === slug)
      ?.steps.flatMap((s) => [...(s.data.fit ?? []), ...s.data.show, ...s.data.highlight]),
  );
  const ownFeatures = content.features.filter((f) => own.has(f.id));
  const plan = planNewStep(
    story,
    slug,
    name,
    after,
    slugs,
    ownFeatures.length > 0 ? storyRegion(ownFeatures) : undefined,
  );
  return write(
    root,
    plan,
    'Next: write its title, date, view and text, then preview with npm run dev. Guide: stories/README.md',
  );
}

export async function main(command: (root: string, args: string[]) => Promise<Result>): Promise<void> {
  const r = await command(process.cwd(), process.argv.slice(2));
  (r.code === 0 ? console.log : console.error)(r.out);
  process.exitCode = r.code;
}

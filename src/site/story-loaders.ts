/**
 * Astro content loaders for stories, steps and geo features. They share one read and
 * one check of the files, stop the build on any error with the full report, and
 * reload in `astro dev` when an editor saves a file.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { ContentError, formatIssue } from '../core/issues';
import { meetingPoint } from './meeting-point';
import { sharedSiteRead } from './read-content';

/** Three loaders run at once, and again on every save: they share one read while the files stay the same. */
const sharedRead = sharedSiteRead();

async function loadChecked(ctx: LoaderContext) {
  const root = fileURLToPath(ctx.config.root);
  const content = await sharedRead(root);
  const errors = content.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new ContentError(content.issues);
  if (ctx.collection === 'stories') {
    for (const w of content.issues) ctx.logger.warn(formatIssue(w));
  }
  return content;
}

function watch(ctx: LoaderContext, reload: () => Promise<void>) {
  if (!ctx.watcher) return;
  const onChange = (path: string) => {
    const p = path.split('\\').join('/');
    if (/\/(stories|geo)\//.test(p) && /\.(md|geojson)$/.test(p)) {
      reload().catch((e: unknown) => {
        // All three collections fail on the same report: print it once.
        if (ctx.collection === 'stories') ctx.logger.error(e instanceof Error ? e.message : String(e));
      });
    }
  };
  ctx.watcher.on('change', onChange);
  ctx.watcher.on('add', onChange);
  ctx.watcher.on('unlink', onChange);
}

type Collection = 'stories' | 'steps' | 'features';
type Content = Awaited<ReturnType<typeof loadChecked>>;
type Entry = Parameters<LoaderContext['store']['set']>[0];

/**
 * What each collection's entries are made of, all made before the store is touched: a store
 * cleared and refilled across awaits could be written out (and shown) half empty.
 */
const ENTRIES: Record<Collection, (ctx: LoaderContext, content: Content) => Promise<Entry[]>> = {
  stories: async (ctx, content) => {
    const entries: Entry[] = [];
    for (const s of content.stories) {
      const data = await ctx.parseData({
        id: s.slug,
        data: {
          frontmatter: s.data,
          file: s.file,
          stepCount: s.steps.length,
          ...(s.data.methods ? { methodsHtml: (await ctx.renderMarkdown(s.data.methods)).html } : {}),
        },
      });
      entries.push({
        id: s.slug,
        data,
        body: s.body,
        filePath: s.file,
        rendered: await ctx.renderMarkdown(s.body),
        digest: ctx.generateDigest(s.body + JSON.stringify(data)),
      });
    }
    return entries;
  },
  steps: async (ctx, content) => {
    const entries: Entry[] = [];
    for (const s of content.stories) {
      for (const step of s.steps) {
        const id = `${s.slug}/${step.id}`;
        const data = await ctx.parseData({
          id,
          data: {
            frontmatter: step.data,
            story: s.slug,
            stepId: step.id,
            order: step.order,
            file: step.file,
          },
        });
        entries.push({
          id,
          data,
          body: step.body,
          filePath: step.file,
          rendered: await ctx.renderMarkdown(step.body),
          digest: ctx.generateDigest(step.body + JSON.stringify(data)),
        });
      }
    }
    return entries;
  },
  features: async (ctx, content) => {
    const entries: Entry[] = [];
    for (const f of content.features) {
      const data = await ctx.parseData({
        id: f.id,
        data: { properties: f.properties, geometry: f.geometry, file: f.file, line: f.line },
      });
      entries.push({ id: f.id, data, digest: ctx.generateDigest(data) });
    }
    return entries;
  },
};

/**
 * On a save, the three collections commit together (meeting-point.ts), so the dev server
 * reloads the page once, with every collection new. Each collection's loader must be in
 * content.config.ts: the meeting waits for all three.
 */
const meet = meetingPoint(Object.keys(ENTRIES));

/** The loader of one collection: read and check the content, refill the store, again on every save. */
export function storyLoader(collection: Collection): Loader {
  return {
    name: `storymap-${collection}`,
    load: async (ctx) => {
      const run = async (together = false) => {
        const content = await loadChecked(ctx);
        let entries: Entry[];
        try {
          entries = await ENTRIES[collection](ctx, content);
        } finally {
          // A collection that failed still arrives, so the others are not kept waiting.
          if (together) await meet(content, collection);
        }
        ctx.store.clear();
        for (const e of entries) ctx.store.set(e);
      };
      await run();
      watch(ctx, () => run(true));
    },
  };
}

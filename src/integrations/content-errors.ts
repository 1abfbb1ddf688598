/**
 * `npm run dev` only: while stories/ or geo/ have errors, every page shows the report
 * in the browser instead of the last good page, and reloads by itself once the files
 * are fixed. Editors look at the browser, not at the terminal. `astro build` stops on
 * the same report (src/site/story-loaders.ts); this never runs there.
 */
import type { AstroIntegration } from 'astro';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { readSite } from '../site/read-content';
import { formatIssue, sortIssues, type Issue } from '../core/issues';

/** Polled by the error page: 200 with the error count, so it knows when to reload. */
export const CONTENT_STATUS = '/__storymap/content-status';

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The page an editor sees while the content has errors: the report, and how it ends. */
export function errorPage(issues: Issue[]): string {
  const errors = sortIssues(issues).filter((i) => i.severity === 'error');
  const items = errors.map((i) => `<li><code>${escape(formatIssue(i))}</code></li>`).join('\n');
  const n = errors.length;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${n} ${n === 1 ? 'error' : 'errors'} in the story content</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }
h1 { font-size: 1.4rem; color: #a3161a; }
li { margin: 0.5rem 0; } code { white-space: pre-wrap; font-size: 0.95rem; }
</style></head>
<body><main id="storymap-content-errors" role="alert">
<h1>The story content has ${n} ${n === 1 ? 'error' : 'errors'}</h1>
<p>Each line says the file and line, what is wrong, and what to do. Nothing was changed in your files.</p>
<ol>
${items}
</ol>
<p>Fix them and save: this page reloads by itself when the content is clean. <code>npm run check</code> prints the same list.</p>
</main>
<script>
setInterval(async () => {
  try {
    const r = await fetch(${JSON.stringify(CONTENT_STATUS)}, { cache: 'no-store' });
    if (r.ok && (await r.json()).errors === 0) location.reload();
  } catch {}
}, 1000);
</script>
</body></html>`;
}

export function contentErrorsMiddleware(root: () => string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const url = req.url ?? '/';
    const status = url.startsWith(CONTENT_STATUS);
    const page = req.method === 'GET' && String(req.headers.accept).includes('text/html');
    if (!status && !page) return next();
    readSite(root())
      .then((content) => {
        const issues = content.issues.filter((i) => i.severity === 'error');
        res.setHeader('cache-control', 'no-store');
        if (status) {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ errors: issues.length }));
        } else if (issues.length > 0) {
          res.statusCode = 500;
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.end(errorPage(issues));
        } else next();
      })
      .catch(() => next());
  };
}

export default function contentErrors(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'storymap-content-errors',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(contentErrorsMiddleware(() => root));
      },
    },
  };
}

/**
 * `npm run check`: every problem in stories/ and geo/ at once, as
 * `file:line field — what is wrong — what to do`. Reads only; exits 1 on any error.
 */
import { readSite } from '../site/read-content';
import { formatReport } from '../core/issues';

const root = process.argv[2] ?? process.cwd();
const content = await readSite(root);
const errors = content.issues.filter((i) => i.severity === 'error').length;
const steps = content.stories.reduce((n, s) => n + s.steps.length, 0);
if (content.issues.length > 0) console.log(formatReport(content.issues));
else
  console.log(
    `All good: ${content.stories.length} ${content.stories.length === 1 ? 'story' : 'stories'}, ${steps} steps, ${content.features.length} places.`,
  );
process.exitCode = errors > 0 ? 1 : 0;

/** `npm run docs`: regenerates stories/README.md, the editors' guide (see src/docs/editors-guide.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderGuide } from '../docs/editors-guide';

const root = process.cwd();
const file = join(root, 'stories/README.md');
const text = renderGuide(root);
let old = '';
try {
  old = readFileSync(file, 'utf8');
} catch {
  // No guide yet: it is written below.
}
if (old === text) console.log('stories/README.md is up to date.');
else {
  writeFileSync(file, text);
  console.log('Wrote stories/README.md.');
}

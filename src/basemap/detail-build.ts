/**
 * The `--detail <file>` part of `npm run basemap`: reads the stories to find where they
 * zoom in, keeps that part of the extract (src/basemap/detail.ts) and writes it beside the
 * packaged archives. Without `--detail` the packaged basemap is left exactly as it is.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSiteFiles } from '../content/read/source-files';
import { checkContent } from '../story/check-content';
import { resolveSteps } from '../story/resolve-steps';
import { buildDetail, detailAreas } from './detail';
import { DETAIL_FILE } from './detail-style';

/** `--detail <file>` from the command line, and the other arguments. */
export function detailArgs(argv: string[]): { detail?: string; rest: string[] } {
  const at = argv.indexOf('--detail');
  if (at < 0) return { rest: argv };
  const detail = argv[at + 1];
  if (!detail || detail.startsWith('--'))
    throw new Error(
      '--detail needs a file: npm run basemap -- --detail city.pmtiles (see src/basemap/README.md)',
    );
  return { detail, rest: argv.filter((_, i) => i !== at && i !== at + 1) };
}

export async function writeDetail(root: string, file: string, out: string): Promise<string> {
  if (!existsSync(file)) throw new Error(`--detail ${file}: no such file`);
  const content = checkContent(await readSiteFiles(root));
  const states = content.stories.flatMap((s) => resolveSteps(s, content.features).map((r) => r.state));
  const areas = detailAreas(states);
  if (areas.length === 0)
    throw new Error(`--detail ${file}: no step zooms in closer than 11, so no street detail is needed`);
  const result = await buildDetail(new Uint8Array(readFileSync(file)), areas, file);
  writeFileSync(join(out, DETAIL_FILE), result.archive);
  return `${DETAIL_FILE}: ${(result.archive.byteLength / 1024).toFixed(0)} KiB, ${result.tiles} tiles over ${areas.length} close-ups${
    result.missing
      ? `; ${result.missing} tiles the close-ups need are not in ${file} (cut for another area): those places get no street detail until an extract covers them`
      : ''
  }`;
}

/** Said when `npm run basemap` runs without --detail but an earlier run left detail in place. */
export function keptDetailNote(out: string): string | undefined {
  return existsSync(join(out, DETAIL_FILE))
    ? `${DETAIL_FILE} kept from an earlier --detail run: run again with --detail to cover new stories, or delete it to go back to the packaged basemap alone.`
    : undefined;
}

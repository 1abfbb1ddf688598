/**
 * Reads `stories/` and `geo/` from disk and checks them, with the basemap's coverage warning.
 * The one place the build touches the editors' files, and it only reads.
 */
import { createHash } from 'node:crypto';
import { readSiteFiles, readSourceFiles, siteFilesKey } from '../content/read/source-files';
import { checkContent, type Content } from '../story/check-content';
import { coverageIssues } from '../basemap/coverage-check';

export async function readContent(root: string, dirs?: string[]): Promise<Content> {
  return checkContent(await readSourceFiles(root, dirs), coverageIssues);
}

/** The project's stories/ and geo/, plus those of any extra roots (paths stay relative to the project). */
export async function readSite(root: string, extras?: string[]): Promise<Content> {
  return checkContent(await readSiteFiles(root, extras), coverageIssues);
}

/**
 * One read and check shared by every caller while the files stay the same: Astro's three
 * loaders run at once, and `astro dev` reloads them all when a file is saved. The result is
 * keyed on the files' paths, sizes and modification times, so a saved, added or deleted file
 * is always read again and an unchanged set never is, however much time passes.
 */
export function sharedSiteRead(
  read: (root: string) => Promise<Content> = readSite,
  key: (root: string) => Promise<string> = siteFilesKey,
): (root: string) => Promise<Content> {
  let last: { key: string; result: Promise<Content> } | undefined;
  return async (root) => {
    const k = createHash('sha256')
      .update(root)
      .update('\0')
      .update(await key(root))
      .digest('hex');
    // Compared and set in one synchronous step: of callers at once, the first sets, the others share.
    if (last?.key !== k) last = { key: k, result: read(root) };
    return last.result;
  };
}

/**
 * Which basemap a story page's map draws on, and which of its fonts the map asks for ahead.
 */
import { BASEMAP_FONTS } from '../basemap/style';
import { siteBasePath } from './urls';

/** A hosted MapLibre style when the story or the site names one; undefined: the offline basemap. */
export const hostedStyleUrl = (story: { basemap?: string | undefined }): string | undefined =>
  story.basemap ?? import.meta.env.PUBLIC_BASEMAP_STYLE_URL ?? undefined;

/** The offline basemap's font files that any first view needs (BASEMAP_FONTS' `preload`). */
export const basemapFontPaths = (): string[] =>
  BASEMAP_FONTS.filter((f) => f.preload).map((f) => `${siteBasePath()}basemap/fonts/${f.file}`);

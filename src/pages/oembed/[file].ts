/**
 * oEmbed (https://oembed.com) as static JSON, one file per story, linked from the story
 * page's and the embed page's heads so CMSs and LMSs that discover oEmbed get the embed
 * snippet. Every URL in it is absolute: without SITE there are no files (see src/site/urls.ts).
 * Static files cannot honour a consumer's maxwidth/maxheight: the frame is 100% wide and
 * EMBED_HEIGHT tall, and the README says how to size it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { EMBED_HEIGHT, embedUrl, iframeSnippet } from '../../embed/snippet';
import { siteBasePath } from '../../site/urls';
import { siteStories } from '../../site/site-data';

export const getStaticPaths: GetStaticPaths = async () =>
  import.meta.env.SITE
    ? (await siteStories()).map((s) => ({ params: { file: `${s.slug}.json` }, props: { slug: s.slug } }))
    : [];

export const GET: APIRoute = async ({ props, site }) => {
  const story = (await siteStories()).find((s) => s.slug === props.slug)!;
  const siteBase = new URL(siteBasePath(), site).href;
  const body = {
    version: '1.0',
    type: 'rich',
    title: story.loaded.data.title,
    author_name: story.loaded.data.byline,
    provider_name: 'Storymap',
    provider_url: siteBase,
    width: 800,
    height: EMBED_HEIGHT,
    html: iframeSnippet({
      src: embedUrl(siteBase, story.slug),
      title: story.loaded.data.title,
      height: EMBED_HEIGHT,
    }),
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: { 'Content-Type': 'application/json+oembed' },
  });
};

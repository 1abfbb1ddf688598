/** Static SVG maps, one per step, content-hashed like the other data files. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteStories } from '../../../site/site-data';

export const getStaticPaths: GetStaticPaths = async () =>
  (await siteStories()).flatMap((s) =>
    [...s.staticMaps, ...s.locators.filter((f) => f !== undefined)].map((f) => ({
      params: { story: s.slug, file: f.name },
      props: { body: f.body },
    })),
  );

export const GET: APIRoute = ({ props }) =>
  new Response(props.body as string, { headers: { 'Content-Type': 'image/svg+xml' } });

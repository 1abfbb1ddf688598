/**
 * The map's data as static, content-hashed files: one per story. Kept out of the HTML so the text arrives first and the data caches.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteStories } from '../../site/site-data';

export const getStaticPaths: GetStaticPaths = async () => {
  const files = (await siteStories()).map((s) => s.dataFile);
  return files.map((f) => ({ params: { file: f.name }, props: { body: f.body } }));
};

export const GET: APIRoute = ({ props }) =>
  new Response(props.body as string, { headers: { 'Content-Type': 'application/json' } });

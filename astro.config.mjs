// @ts-check
import { defineConfig } from 'astro/config';

// Static output: every story is plain HTML plus hashed assets, hostable anywhere.
export default defineConfig({
  output: 'static',
  // Set SITE / BASE to deploy under a domain or a sub-path (e.g. BASE=/stories/).
  site: process.env.SITE ?? 'http://localhost:4321',
  base: process.env.BASE ?? '/',
  trailingSlash: 'ignore',
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  build: { inlineStylesheets: 'never' },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});

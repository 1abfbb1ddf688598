// @ts-check
import { defineConfig } from 'astro/config';
import cameraPicker from './src/integrations/camera-picker.ts';
import { customMedia } from './src/styles/breakpoints.ts';

// Static output: every story is plain HTML plus hashed assets, hostable anywhere.
export default defineConfig({
  output: 'static',
  // Set SITE / BASE to deploy under a domain or a sub-path (e.g. BASE=/stories/).
  site: process.env.SITE ?? 'http://localhost:4321',
  base: process.env.BASE ?? '/',
  trailingSlash: 'ignore',
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // Content-Security-Policy on every page: Astro hashes its scripts and styles, nothing
  // inline runs unhashed, and nothing loads from another origin. (frame-ancestors cannot
  // be set from a <meta>: see public/_headers for hosts that read it.)
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "font-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
      ],
      styleDirective: { resources: ["'self'"] },
      scriptDirective: { resources: ["'self'"] },
    },
  },
  // `npm run dev` only: the camera picker writes a step's camera into its file.
  integrations: [cameraPicker()],
  build: { inlineStylesheets: 'never' },
  vite: {
    build: { assetsInlineLimit: 0 },
    // `@media (--narrow)` and the other breakpoints, written once in src/core/layout.ts (expanded by src/styles/breakpoints.ts).
    plugins: [customMedia()],
  },
});

import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from '../chromium';

const PORT = Number(process.env.E2E_PORT ?? 4395);

/**
 * `npm run shots`: pictures to look at, not a test. Every step of every story on the
 * front page at a phone and a laptop size, the printed page, into shots/ (git-ignored).
 */
export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results/shots',
  timeout: 15 * 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `npx astro preview --port ${PORT} --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    reuseExistingServer: false,
    timeout: 60_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
});

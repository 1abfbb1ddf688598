/**
 * Finds a Chromium for the browser tests: CHROMIUM_PATH, Debian's /usr/bin/chromium,
 * or one Playwright installed. Says exactly what to install when there is none.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    safe(() => chromium.executablePath()),
  ];
  for (const c of candidates) if (c && existsSync(c)) return c;
  throw new Error(
    [
      'No Chromium found for the browser tests. Install one of:',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium',
      '  any system:     npx playwright install chromium',
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    ].join('\n'),
  );
}

function safe(f: () => string): string | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/** Software WebGL (SwiftShader) so the map draws on machines without a GPU. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

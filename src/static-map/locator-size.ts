/** The locator inset's size (CSS px): shared by the build (src/static-map/locator.ts) and the page. */
export const LOCATOR = { width: 132, height: 100 } as const;

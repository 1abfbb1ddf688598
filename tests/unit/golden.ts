/**
 * Golden fixtures, as Turf keeps them: a test's output is compared with a committed JSON
 * file in tests/unit/golden/. After a deliberate change, `UPDATE_GOLDEN=1` rewrites the
 * files; review their diff like code.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const dir = fileURLToPath(new URL('./golden/', import.meta.url));

/** Numbers rounded to 1e-9: the fixtures compare results, not the last bits of floating point. */
const rounded = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)),
  );

export function expectGolden(name: string, value: unknown): void {
  const file = `${dir}${name}.json`;
  const actual = rounded(value);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    return;
  }
  if (!existsSync(file))
    throw new Error(
      `tests/unit/golden/${name}.json is missing — run UPDATE_GOLDEN=1 npm run test:unit and commit it`,
    );
  expect(actual, `differs from tests/unit/golden/${name}.json (UPDATE_GOLDEN=1 rewrites it)`).toEqual(
    JSON.parse(readFileSync(file, 'utf8')),
  );
}

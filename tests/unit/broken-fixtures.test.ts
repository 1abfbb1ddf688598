/**
 * Golden fixtures: every folder under tests/fixtures/broken/ is a small site with
 * mistakes (stories/ and geo/), and `expected.txt` beside them is the exact report
 * `npm run check` prints for it. The report is the editors' interface: when a message
 * changes on purpose, regenerate with `UPDATE_EXPECTED=1 npm run test:unit` and read
 * the diff.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { formatReport } from '../../src/core/issues';
import { brokenDir as broken, brokenFixtures as cases, readFixture } from './broken-sites';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('each broken fixture gets exactly its expected report', () => {
  test('the fixture set covers every kind of mistake in the issue', () => {
    expect(cases).toEqual([
      'basemap-coverage',
      'camera-ranges',
      'coordinates',
      'encoding',
      'geojson',
      'missing-and-wrong-types',
      'places',
      'references',
      'step-values',
      'steps',
      'story-fields',
      'story-folders',
      'swaps-levant',
      'unknown-fields',
      'yaml-syntax',
    ]);
  });

  for (const name of cases) {
    test(name, async () => {
      const report = `${formatReport((await readFixture(name)).issues)}\n`;
      const file = join(broken, name, 'expected.txt');
      if (process.env.UPDATE_EXPECTED) writeFileSync(file, report);
      expect(existsSync(file), `${file} is missing: run with UPDATE_EXPECTED=1`).toBe(true);
      expect(report).toBe(readFileSync(file, 'utf8'));
    });
  }
});

describe('npm run check', () => {
  const run = (dir: string) => {
    try {
      return {
        code: 0,
        out: execFileSync('npx', ['tsx', 'src/cli/check.ts', dir], {
          cwd: root,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      };
    } catch (e) {
      const err = e as { status: number; stdout: string };
      return { code: err.status, out: err.stdout };
    }
  };

  test('exits 1 on errors and prints the report', () => {
    const r = run(join(broken, 'references'));
    expect(r.code).toBe(1);
    expect(r.out).toBe(readFileSync(join(broken, 'references', 'expected.txt'), 'utf8'));
  });

  test('warnings alone do not fail', () => {
    const r = run(join(root, 'tests/fixtures/content/warnings'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 errors, 1 warning in stories/ and geo/.');
  });

  test('a clean site says so and exits 0', () => {
    const r = run(join(root, 'tests/fixtures/content/ok'));
    expect(r).toEqual({ code: 0, out: 'All good: 3 stories, 12 steps, 16 places.\n' });
  });
});

/**
 * `npm run new-story` and `npm run new-step`, run on a copy of the small fixture site:
 * the files they create pass the check and sort where they belong; anything that
 * exists is left byte for byte as it was; every refusal says why, in pinned words.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { newStep, newStory } from '../../src/cli/scaffold';
import { readContent } from '../../src/site/read-content';
import { formatIssue } from '../../src/core/issues';

const fixture = fileURLToPath(new URL('../fixtures/content/ok', import.meta.url));
let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'storymap-scaffold-'));
  cpSync(fixture, root, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const snapshot = () => {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(join(root, d), { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out[join(d, e.name)] = readFileSync(join(root, d, e.name), 'utf8');
    }
  };
  walk('.');
  return out;
};
const issues = async () => (await readContent(root)).issues.map(formatIssue);
const steps = () => readdirSync(join(root, 'stories/mini')).filter((f) => f !== 'story.md');

describe('new-step', () => {
  test('at the end: the next multiple of ten; the file passes the check', async () => {
    const r = await newStep(root, ['mini', 'aftermath']);
    expect(r).toEqual({
      code: 0,
      out: 'Created stories/mini/030-aftermath.md\nNext: write its title, date, view and text, then preview with npm run dev. Guide: stories/README.md',
    });
    expect(steps()).toEqual(['010-start.md', '020-strikes.md', '030-aftermath.md']);
    expect(await issues()).toEqual([]);
    // It starts from the view, date and sources of the step it follows.
    const text = readFileSync(join(root, 'stories/mini/030-aftermath.md'), 'utf8');
    expect(text).toContain('\ntitle: Aftermath\n');
    expect(text).toContain('\ndate: 2019-12-29\n');
    expect(text).toContain('\nfit: [area-b, town-a]\n');
    expect(text).toContain('\nsources: [wire]\n');
  });

  test('--after: the number halfway to the next step, so it sorts between them', async () => {
    const r = await newStep(root, ['mini', 'reaction', '--after', 'start']);
    expect(r.code).toBe(0);
    expect(steps()).toEqual(['010-start.md', '015-reaction.md', '020-strikes.md']);
    expect(await issues()).toEqual([]);
    const content = await readContent(root);
    expect(content.stories.find((s) => s.slug === 'mini')!.steps.map((s) => s.id)).toEqual([
      'start',
      'reaction',
      'strikes',
    ]);
  });

  test('no number left between two steps: it says so and renumbers nothing', async () => {
    writeFileSync(
      join(root, 'stories/mini/011-next.md'),
      readFileSync(join(root, 'stories/mini/010-start.md')),
    );
    const before = snapshot();
    expect(await newStep(root, ['mini', 'between', '--after', 'start'])).toEqual({
      code: 1,
      out: 'Nothing was created. There is no number left between 010-start.md and 011-next.md — add the step elsewhere, or give one of them a number with room around it',
      id: 'new-step.no-number-between',
    });
    expect(snapshot()).toEqual(before);
  });

  test('refusals, in the words an editor sees, and nothing written', async () => {
    const before = snapshot();
    expect((await newStep(root, ['mini', 'start'])).out).toBe(
      'Nothing was created. The story already has a step "start" (stories/mini/010-start.md) — choose another name; a step\'s name is its web address',
    );
    expect((await newStep(root, ['minni', 'x'])).out).toBe(
      'Nothing was created. There is no story "minni" in stories/ (did you mean "mini"?) — use one of harbour, mini, valparaiso',
    );
    expect((await newStep(root, ['mini', 'x', '--after', 'strike'])).out).toBe(
      'Nothing was created. There is no step "strike" in stories/mini/ (did you mean "strikes"?) — use a step\'s name without its number, e.g. start',
    );
    expect((await newStep(root, ['mini', 'K1 Attack'])).out).toBe(
      'Nothing was created. "K1 Attack" can\'t be a step name — use lowercase letters, digits and hyphens, e.g. k1-attack',
    );
    expect((await newStep(root, ['mini'])).out).toBe(
      'Nothing was created. Say which story and what to call the step — npm run new-step -- <story> <name> [--after <step>], e.g. npm run new-step -- floods-2024 first-warning',
    );
    expect((await newStep(root, ['mini', 'x', '--after'])).out).toBe(
      'Nothing was created. --after needs the name of a step — e.g. --after first-warning',
    );
    expect(snapshot()).toEqual(before);
  });
});

describe('new-story', () => {
  test('creates story.md and a first step that pass the check', async () => {
    const r = await newStory(root, ['floods-2024']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 2)).toEqual([
      'Created stories/floods-2024/story.md',
      'Created stories/floods-2024/010-start.md',
    ]);
    expect(readdirSync(join(root, 'stories/floods-2024')).sort()).toEqual(['010-start.md', 'story.md']);
    expect(await issues()).toEqual([]);
    // And the new story takes steps at once.
    expect((await newStep(root, ['floods-2024', 'second'])).code).toBe(0);
    expect(await issues()).toEqual([]);
  });

  test('an existing story is never touched', async () => {
    const before = snapshot();
    expect(await newStory(root, ['mini'])).toEqual({
      code: 1,
      out: 'Nothing was created. Stories/mini/ already exists — choose another name, or add steps to it with npm run new-step -- mini <name>',
      id: 'new-story.exists',
    });
    expect((await newStory(root, ['Floods 2024'])).out).toBe(
      'Nothing was created. "Floods 2024" can\'t be a story name — use lowercase letters, digits and hyphens, e.g. floods-2024',
    );
    expect((await newStory(root, [])).out).toBe(
      'Nothing was created. Say which story to create — npm run new-story -- <name>, e.g. npm run new-story -- floods-2024',
    );
    expect(snapshot()).toEqual(before);
  });

  test("--near opens the first step where the story is; without it, on no other story's places", async () => {
    const camera = (slug: string) =>
      /\ncamera: (.*)\n/.exec(readFileSync(join(root, `stories/${slug}/010-start.md`), 'utf8'))![1];
    const byCoordinates = await newStory(root, ['port-story', '--near', '35.5,33.9']);
    expect(byCoordinates.out.split('\n')[2]).toBe("The first step's map opens near 35.5, 33.9.");
    expect(camera('port-story')).toBe('{ center: [35.5, 33.9], zoom: 9.6 }');
    const byName = await newStory(root, ['desert-story', '--near', 'amman']);
    expect(byName.out.split('\n')[2]).toBe("The first step's map opens near Amman.");
    expect(camera('desert-story')).toBe('{ center: [35.95, 31.96], zoom: 9.6 }');
    const anywhere = await newStory(root, ['anywhere']);
    expect(anywhere.out.split('\n')[2]).toBe(
      'The first step\'s map shows the whole world: open it where your story is with --near "<longitude>,<latitude>" or --near <town>, or set its view with the camera picker.',
    );
    expect(camera('anywhere')).toBe('{ center: [0, 20], zoom: 1 }');
    expect(await issues()).toEqual([]);
  });

  test('--near finds towns anywhere on earth, the best known of a name first', async () => {
    const camera = (slug: string) =>
      /\ncamera: (.*)\n/.exec(readFileSync(join(root, `stories/${slug}/010-start.md`), 'utf8'))![1];
    // Accents or none; Chile's port, not Brazil's town of the same name.
    for (const [slug, near, opens, at] of [
      ['port-chile', 'Valparaíso', 'Valparaíso', '{ center: [-71.63, -33.04], zoom: 9.6 }'],
      ['port-chile-ascii', 'valparaiso', 'Valparaíso', '{ center: [-71.63, -33.04], zoom: 9.6 }'],
      // New Zealand's capital, not the towns in England or Florida.
      ['capital-nz', 'Wellington', 'Wellington', '{ center: [174.78, -41.29], zoom: 9.5 }'],
      ['harbour-lb', 'Beirut', 'Beirut', '{ center: [35.49, 33.89], zoom: 9.6 }'],
    ] as const) {
      const r = await newStory(root, [slug, '--near', near]);
      expect(r.out.split('\n')[2]).toBe(`The first step's map opens near ${opens}.`);
      expect(camera(slug)).toBe(at);
    }
    // The files are valid: at most the check says the committed basemap has no detail there yet
    // (until npm run basemap covers the new story); Beirut's harbour is covered by the fixture story.
    const found = await issues();
    expect(found.filter((i) => i.startsWith('stories/harbour-lb/'))).toEqual([]);
    for (const i of found)
      expect(i).toMatch(
        /^stories\/[a-z-]+\/010-start\.md:9 camera — the view .* is outside the basemap's detailed coverage/,
      );
  });

  test('--near refusals, and nothing written', async () => {
    const before = snapshot();
    expect((await newStory(root, ['x', '--near', '33.9,135.5'])).out).toBe(
      'Nothing was created. --near "33.9,135.5" is not a place on Earth (it reads as latitude, longitude) — write --near "<longitude>,<latitude>", here --near "135.5,33.9"',
    );
    expect((await newStory(root, ['x', '--near', 'Ammann'])).out).toBe(
      'Nothing was created. "Ammann" is not a town of the packaged gazetteer (did you mean "Amman"?) — give its coordinates instead, --near "<longitude>,<latitude>"',
    );
    expect((await newStory(root, ['x', '--near'])).out).toBe(
      'Nothing was created. --near needs a place — e.g. --near "2.35,48.86" (longitude, latitude) or a town\'s name',
    );
    expect(snapshot()).toEqual(before);
  });
});

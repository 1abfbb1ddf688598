/** Query strings from embedders, including hostile ones: fall back, warn, never echo. */
import { describe, expect, test } from 'vitest';
import { idFromHash, malformedHashWarning, parseEmbedOptions } from '../../src/client/embed-options';

const ids = ['setting', 'k1-attack', 'us-strikes', 'breach', 'withdrawal'];
const parse = (q: string) => parseEmbedOptions(new URLSearchParams(q), ids);

describe('parseEmbedOptions', () => {
  test('no options: every step, from the first, scrolling', () => {
    expect(parse('')).toEqual({ from: 0, to: 4, start: 0, nav: 'scroll', warnings: [] });
  });

  test('a range and a start step', () => {
    expect(parse('from=k1-attack&to=breach&step=us-strikes&nav=paged')).toEqual({
      from: 1,
      to: 3,
      start: 2,
      nav: 'paged',
      warnings: [],
    });
  });

  test('the start defaults to the first step of the range', () => {
    expect(parse('from=breach').start).toBe(3);
  });

  test('an unknown step falls back to the first, with a warning', () => {
    expect(parse('step=nope')).toEqual({
      from: 0,
      to: 4,
      start: 0,
      nav: 'scroll',
      warnings: ['embed: step="nope" is not a step of this story; using "setting"'],
    });
  });

  test('script in a value is never a step, and is quoted short in the warning', () => {
    const r = parse(`step=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(r.start).toBe(0);
    expect(r.warnings).toEqual([
      'embed: step="<script>alert(1)</script>" is not a step of this story; using "setting"',
    ]);
  });

  test('huge values are refused without scanning them', () => {
    const r = parse(`step=${'x'.repeat(100_000)}&nav=${'y'.repeat(5000)}`);
    expect(r.start).toBe(0);
    expect(r.nav).toBe('scroll');
    expect(r.warnings.every((w) => w.length < 160)).toBe(true);
  });

  test('a reversed range shows everything; a start outside the range starts at its first step', () => {
    expect(parse('from=breach&to=k1-attack')).toMatchObject({
      from: 0,
      to: 4,
      warnings: ['embed: from is after to; showing every step'],
    });
    expect(parse('from=us-strikes&to=breach&step=setting')).toMatchObject({
      start: 2,
      warnings: ['embed: step is outside from…to; starting at "us-strikes"'],
    });
  });

  test('pym.js parameters are accepted; a bad child id is dropped', () => {
    expect(parse('initialWidth=640&childId=story-1&parentTitle=x&parentUrl=y')).toEqual({
      from: 0,
      to: 4,
      start: 0,
      nav: 'scroll',
      childId: 'story-1',
      warnings: [],
    });
    expect(parse('childId=%22%3E%3Cimg').childId).toBeUndefined();
  });

  test('unknown options are named in a warning', () => {
    expect(parse('lang=fr').warnings).toEqual(['embed: unknown option "lang" ignored']);
  });
});

describe('idFromHash', () => {
  test('a step link, an empty hash, and percent-encoding', () => {
    expect(idFromHash('#breach')).toBe('breach');
    expect(idFromHash('')).toBeUndefined();
    expect(idFromHash('#')).toBeUndefined();
    expect(idFromHash('#k1%2Dattack')).toBe('k1-attack');
  });
  test('malformed percent-encoding is reported, not thrown', () => {
    expect(idFromHash('#%')).toEqual({ malformed: '%' });
    expect(idFromHash('#%E0%A4%A')).toEqual({ malformed: '%E0%A4%A' });
    expect(malformedHashWarning('%', 'setting')).toBe(
      'storymap: the address\'s #% is not a valid step link (malformed percent-encoding); showing the first step, "setting"',
    );
  });
});

/**
 * Messages about a step's view: the camera's fields and ranges, camera or fit, a centre
 * written [latitude, longitude], a view that leaves highlighted places off the map, and
 * a view the offline basemap does not cover in detail.
 */
import { entry, EXAMPLE } from './entry';

type Range = { name: string; min: number; max: number; hint: string };
const ZOOM: Range = { name: 'zoom', min: 0, max: 22, hint: '0 is the whole world, 16 a city block' };
const REBUILD = 'run npm run basemap (it covers every story’s places and views) and commit public/basemap/';

export const CAMERA_MESSAGES = {
  'camera.not-a-view': entry(
    'error',
    () => 'camera is not a view: write { center: [longitude, latitude], zoom, bearing?, pitch? }',
    {},
  ),
  'camera.center-missing': entry(
    'error',
    () => `center is missing: add [longitude, latitude], e.g. ${EXAMPLE.center}`,
    {},
  ),
  'camera.center-not-pair': entry(
    'error',
    () => `center is not a pair of numbers: write [longitude, latitude], e.g. ${EXAMPLE.center}`,
    {},
  ),
  'camera.longitude-range': entry(
    'error',
    (p: { value: number }) => `longitude ${p.value} is outside -180…180: center is [longitude, latitude]`,
    { value: -244 },
  ),
  'camera.latitude-range': entry(
    'error',
    (p: { value: number }) =>
      `latitude ${p.value} is outside -90…90: center is [longitude, latitude]; did you swap them?`,
    { value: 133 },
  ),
  'camera.value-missing': entry(
    'error',
    (p: Range) => `${p.name} is missing: add a number from ${p.min} to ${p.max} (${p.hint})`,
    ZOOM,
  ),
  'camera.value-not-number': entry(
    'error',
    (p: Range) => `${p.name} is not a number: write a number from ${p.min} to ${p.max}`,
    ZOOM,
  ),
  'camera.value-below': entry(
    'error',
    (p: Range) => `${p.name} is below ${p.min}: use ${p.min} to ${p.max} (${p.hint})`,
    ZOOM,
  ),
  'camera.value-above': entry(
    'error',
    (p: Range) => `${p.name} is above ${p.max}: use ${p.min} to ${p.max} (${p.hint})`,
    ZOOM,
  ),
  'step.camera-and-fit': entry(
    'error',
    () => 'camera and fit are both set: keep one (camera for a fixed view, fit to frame features)',
    {},
  ),
  'step.camera-or-fit': entry(
    'error',
    () =>
      'camera or fit is required: add camera: { center: [longitude, latitude], zoom } or fit: [feature ids]',
    {},
  ),
  'camera.swapped-center': entry(
    'error',
    (p: { written: string; where: string; swapped: string }) =>
      `${p.written} ${p.where} and reads as [latitude, longitude]: center is [longitude, latitude], so write ${p.swapped}`,
    {
      written: '[45.44, 12.33]',
      where: "lands in the sea, 3550 km from this story's places",
      swapped: '[12.33, 45.44]',
    },
  ),
  'camera.places-off-view': entry(
    'warning',
    (p: { ids: string[]; width: number; height: number; zoom: number }) => {
      const one = p.ids.length === 1;
      const names = p.ids.map((id) => `"${id}"`).join(', ');
      return `the highlighted ${one ? 'place' : 'places'} ${names} ${one ? 'is' : 'are'} outside this view on a ${p.width}×${p.height} map, so readers get a wider view than written: zoom out to ${p.zoom} or less, move the center, or use fit: [${p.ids.join(', ')}]`;
    },
    { ids: ['old-lighthouse', 'harbour-wall'], width: 768, height: 800, zoom: 6.1 },
  ),
  'basemap.outside-coverage': entry(
    'warning',
    (p: { where: string }) =>
      `the view (${p.where}) is outside the basemap's detailed coverage, so the map shows only coarse world outlines there: ${REBUILD}`,
    { where: 'zoom 9 around 12.33, 45.44' },
  ),
  'basemap.past-detail': entry(
    'warning',
    (p: { where: string; best: number }) =>
      `the view (${p.where}) zooms past the detail the basemap has there (up to zoom ${p.best}): ${REBUILD}`,
    { where: 'zoom 14 around 12.33, 45.44', best: 12 },
  ),
};

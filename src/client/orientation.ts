/**
 * Orientation on the live map: the locator inset of a close step (an SVG drawn at build time
 * by src/static-map/locator.ts, the same as the static map's) and a north arrow while the map
 * is turned. Both decorative (aria-hidden): each step's description already says where it is.
 * Both are map overlays (data-map-overlay): the camera keeps the story's places clear of them,
 * the story's labels and the basemap's names are placed clear of them; so is the scale bar,
 * MapLibre's own control (src/map/controller.ts).
 */
import '../styles/orientation.css';
import { LOCATOR } from '../static-map/locator-size';

/** The step's inset (its URL), or none for a regional view; before the map exists, nothing. */
export function showLocator(root: HTMLElement, locator: string | undefined): void {
  const inset = root.querySelector<HTMLImageElement>('.map-locator');
  if (!inset) return;
  if (locator && inset.getAttribute('src') !== locator) inset.src = locator;
  inset.hidden = !locator;
}

export class Orientation {
  private north: HTMLElement;

  constructor(panel: HTMLElement) {
    const inset = document.createElement('img');
    inset.className = 'map-locator';
    inset.alt = '';
    inset.setAttribute('aria-hidden', 'true');
    // Sized before it loads, so the camera frames around it from the first step.
    inset.width = LOCATOR.width;
    inset.height = LOCATOR.height;
    inset.hidden = true;
    inset.dataset.mapOverlay = '';
    this.north = document.createElement('div');
    this.north.className = 'map-north';
    this.north.setAttribute('aria-hidden', 'true');
    this.north.hidden = true;
    // An overlay too: labels and the basemap's names keep clear of it (hidden, it covers nothing).
    this.north.dataset.mapOverlay = '';
    this.north.innerHTML =
      '<svg viewBox="-15 -15 30 30" width="30" height="30"><circle r="14" fill="#fff" fill-opacity="0.92" stroke="#8f887c"/><path d="M0 -10L5 4L0 1L-5 4Z" fill="#c0392b"/><text y="11" text-anchor="middle" font-size="8" fill="#3d3a35">N</text></svg>';
    panel.append(inset, this.north);
  }

  /** Shown only while the map is turned; it points north. */
  bearing(degrees: number): void {
    const turned = Math.abs(degrees) > 0.5;
    this.north.hidden = !turned;
    if (turned) this.north.style.rotate = `${-degrees}deg`;
  }
}

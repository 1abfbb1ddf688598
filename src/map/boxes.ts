/** Boxes on screen, in viewport pixels, and the arithmetic labels are placed with. */
/** A box on screen, in viewport pixels. */
export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The box round all of these, or none for none. */
export function boxAround(boxes: readonly Box[]): Box | undefined {
  if (!boxes.length) return undefined;
  return {
    left: Math.min(...boxes.map((b) => b.left)),
    right: Math.max(...boxes.map((b) => b.right)),
    top: Math.min(...boxes.map((b) => b.top)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
  };
}

export const moved = (r: Box, dx: number, dy: number): Box => ({
  left: r.left + dx,
  right: r.right + dx,
  top: r.top + dy,
  bottom: r.bottom + dy,
});
export const grow = (b: Box, r: number): Box => ({
  left: b.left - r,
  right: b.right + r,
  top: b.top - r,
  bottom: b.bottom + r,
});
export const overlaps = (a: Box, b: Box) =>
  a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
export const inside = (c: Box, box: Box) =>
  c.top >= box.top && c.bottom <= box.bottom && c.left >= box.left && c.right <= box.right;
export const width = (r: Box) => r.right - r.left;
export const height = (r: Box) => r.bottom - r.top;
/** The part of a box inside another. */
export const clip = (b: Box, to: Box): Box => ({
  left: Math.max(b.left, to.left),
  right: Math.min(b.right, to.right),
  top: Math.max(b.top, to.top),
  bottom: Math.min(b.bottom, to.bottom),
});

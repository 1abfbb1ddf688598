/**
 * "Sources and methods" for the steps on screen: an embed of a range lists only the sources
 * and places its steps use (each row names them in data-steps, server-rendered), and a note
 * links to the full story's section. Every row stays in the HTML for readers without scripts.
 */
export function showSourcesOf(root: HTMLElement, shown: string[], all: boolean): void {
  const section = root.querySelector<HTMLElement>('.sources-methods');
  if (!section) return;
  const ids = new Set(shown);
  section.querySelectorAll<HTMLElement>('[data-steps]').forEach((row) => {
    row.hidden = !all && !(row.dataset.steps ?? '').split(' ').some((id) => ids.has(id));
  });
  const note = section.querySelector<HTMLElement>('.sources-range-note');
  if (note) note.hidden = all;
  // The story-wide account of how the map was made stays with the full story (the note links to it).
  const methods = section.querySelector<HTMLElement>('.methods');
  if (methods) methods.hidden = !all;
}

/**
 * The Embed dialog: turns the chosen range, start step and navigation into the embed
 * page's URL, shows a live preview and the two snippets, and copies them.
 */
import { embedUrl, iframeSnippet } from '../embed/snippet';

export function setUpEmbedDialog(root: HTMLElement, signal: AbortSignal): void {
  const open = root.querySelector<HTMLButtonElement>('.embed-open');
  const dialog = root.querySelector<HTMLDialogElement>('.embed-dialog');
  if (!open || !dialog || typeof dialog.showModal !== 'function') return;
  const form = dialog.querySelector('form')!;
  const field = (name: string) => form.elements.namedItem(name) as HTMLSelectElement | HTMLTextAreaElement;
  const preview = dialog.querySelector<HTMLIFrameElement>('.embed-preview')!;
  const previewLink = dialog.querySelector<HTMLAnchorElement>('.embed-preview-link');
  const error = dialog.querySelector<HTMLElement>('.embed-error')!;
  const copied = dialog.querySelector<HTMLElement>('.embed-copied')!;
  const siteBase = new URL(dialog.dataset.siteBase!, location.href).href;
  const ids = [...(field('from') as HTMLSelectElement).options].map((o) => o.value);

  const update = () => {
    const from = field('from').value;
    const to = field('to').value;
    let step = field('step').value;
    const [a, b, s] = [ids.indexOf(from), ids.indexOf(to), ids.indexOf(step)];
    error.hidden = a <= b;
    error.textContent = a <= b ? '' : '"From" comes after "To": pick a later "To" step.';
    if (s < a || s > b) step = from;
    const src = embedUrl(siteBase, dialog.dataset.story!, {
      from: a > 0 ? from : undefined,
      to: b < ids.length - 1 ? to : undefined,
      step: step !== from ? step : undefined,
      nav: field('nav').value !== 'scroll' ? field('nav').value : undefined,
    });
    const title = dialog.dataset.title!;
    field('plain').value = iframeSnippet({ src, title });
    field('script').value = iframeSnippet({ src, title, script: new URL('embed.js', siteBase).href });
    if (preview.src !== src) preview.src = src;
    if (previewLink) previewLink.href = src;
  };
  form.addEventListener('change', update, { signal });
  dialog.querySelectorAll<HTMLButtonElement>('.embed-copy').forEach((b) =>
    b.addEventListener(
      'click',
      async () => {
        const text = field(b.dataset.copy!) as HTMLTextAreaElement;
        try {
          await navigator.clipboard.writeText(text.value);
          copied.textContent = 'Copied.';
        } catch {
          // No clipboard permission: select the text so Ctrl+C / ⌘C works.
          text.select();
          copied.textContent = 'Press Ctrl+C (⌘C on a Mac) to copy the selected snippet.';
        }
      },
      { signal },
    ),
  );
  open.hidden = false;
  open.addEventListener(
    'click',
    () => {
      update();
      dialog.showModal();
    },
    { signal },
  );
}

// One thumbnail: rendered once, small, only while mounted near the visible area (the list is
// virtualised), through a shared queue (the viewer's: only when its visible pages are done, one
// at a time). A page the viewer has already drawn is scaled down from its canvas instead of
// being rendered again. The picture is kept as a small JPEG data URL so scrolling back does not
// render again.
import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useTranslation } from 'react-i18next';
import type { RenderQueue } from './logic/renderQueue';

export const THUMBNAIL_WIDTH = 112;

/** The viewer's finished canvas of a page, if it has one. */
export type RenderedCanvas = (page: number) => HTMLCanvasElement | null;

interface Props {
  document: PDFDocumentProxy;
  page: number;
  current: boolean;
  queue: RenderQueue | null;
  cache: Map<number, string>;
  renderedCanvas: RenderedCanvas;
  onGoToPage(page: number): void;
}

function toImage(canvas: HTMLCanvasElement): string {
  const url = canvas.toDataURL('image/jpeg', 0.75);
  canvas.width = 0;
  canvas.height = 0;
  return url;
}

function fromCanvas(source: HTMLCanvasElement): string | null {
  if (source.width === 0 || source.height === 0) return null;
  const outputScale = Math.min(window.devicePixelRatio || 1, 2);
  const canvas = window.document.createElement('canvas');
  canvas.width = Math.ceil(THUMBNAIL_WIDTH * outputScale);
  canvas.height = Math.ceil((canvas.width * source.height) / source.width);
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.imageSmoothingQuality = 'high';
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  return toImage(canvas);
}

async function renderThumbnail(document: PDFDocumentProxy, pageNumber: number, signal: AbortSignal): Promise<string | null> {
  const page = await document.getPage(pageNumber);
  if (signal.aborted) return null;
  const base = page.getViewport({ scale: 1 });
  const outputScale = Math.min(window.devicePixelRatio || 1, 2);
  const viewport = page.getViewport({ scale: (THUMBNAIL_WIDTH * outputScale) / base.width });
  const canvas = window.document.createElement('canvas');
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  const task = page.render({ canvas, viewport, background: '#fff' });
  const cancel = (): void => task.cancel();
  signal.addEventListener('abort', cancel);
  try {
    await task.promise;
  } finally {
    signal.removeEventListener('abort', cancel);
  }
  return toImage(canvas);
}

export function Thumbnail({ document, page, current, queue, cache, renderedCanvas, onGoToPage }: Props) {
  const { t } = useTranslation();
  const [image, setImage] = useState<string | undefined>(() => cache.get(page));
  useEffect(() => {
    if (cache.has(page) || !queue) return undefined;
    const abort = new AbortController();
    const job = queue.push(async () => {
      if (abort.signal.aborted) return;
      const drawn = renderedCanvas(page);
      const url = drawn ? fromCanvas(drawn) ?? await renderThumbnail(document, page, abort.signal).catch(() => null)
        : await renderThumbnail(document, page, abort.signal).catch(() => null);
      if (url === null) return;
      cache.set(page, url);
      if (!abort.signal.aborted) setImage(url);
    });
    return () => {
      abort.abort();
      job.cancel();
    };
  }, [document, page, queue, cache, renderedCanvas]);
  const label = t('viewer.thumbnails.page', { page });
  return (
    <button type="button" className={current ? 'rd-viewer__thumb is-current' : 'rd-viewer__thumb'}
      aria-label={label} aria-current={current ? 'page' : undefined} onClick={() => onGoToPage(page)}>
      <span className="rd-viewer__thumb-frame">
        {image ? <img src={image} alt="" width={THUMBNAIL_WIDTH} /> : <span className="rd-viewer__thumb-blank" />}
      </span>
      <span className="rd-viewer__thumb-label">{page}</span>
    </button>
  );
}

// One thumbnail: rendered once, small, only while mounted near the visible area (the list is
// virtualised), through a shared queue so at most a couple render at a time. The picture is
// kept as a small JPEG data URL so scrolling back does not render again.
import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useTranslation } from 'react-i18next';
import type { RenderQueue } from './logic/renderQueue';

export const THUMBNAIL_WIDTH = 112;

interface Props {
  document: PDFDocumentProxy;
  page: number;
  current: boolean;
  queue: RenderQueue;
  cache: Map<number, string>;
  onGoToPage(page: number): void;
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
  const url = canvas.toDataURL('image/jpeg', 0.75);
  canvas.width = 0;
  canvas.height = 0;
  return url;
}

export function Thumbnail({ document, page, current, queue, cache, onGoToPage }: Props) {
  const { t } = useTranslation();
  const [image, setImage] = useState<string | undefined>(() => cache.get(page));
  useEffect(() => {
    if (cache.has(page)) return undefined;
    const abort = new AbortController();
    const job = queue.push(async () => {
      if (abort.signal.aborted) return;
      const url = await renderThumbnail(document, page, abort.signal).catch(() => null);
      if (url === null) return;
      cache.set(page, url);
      if (!abort.signal.aborted) setImage(url);
    });
    return () => {
      abort.abort();
      job.cancel();
    };
  }, [document, page, queue, cache]);
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

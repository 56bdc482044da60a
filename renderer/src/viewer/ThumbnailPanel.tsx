// 缩略图: a virtualised list, so only thumbnails near the visible part of the list exist (and
// render); follows the current page. Thumbnails render through the viewer's rendering queue,
// only when the visible pages are done, and reuse a page's canvas when it is already drawn.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useTranslation } from 'react-i18next';
import { createIdleRenderQueue, createRenderQueue, type RenderQueue, type ViewerRenderingQueue } from './logic/renderQueue';
import { Thumbnail, type RenderedCanvas } from './Thumbnail';

const ROW_HEIGHT = 196;
const cacheByDocument = new WeakMap<PDFDocumentProxy, Map<number, string>>();

interface Props {
  document: PDFDocumentProxy;
  currentPage: number;
  /** The main viewer's rendering queue; without one, thumbnails render one at a time. */
  renderingQueue: ViewerRenderingQueue | null;
  renderedCanvas: RenderedCanvas;
  onGoToPage(page: number): void;
}

export function ThumbnailPanel({ document, currentPage, renderingQueue, renderedCanvas, onGoToPage }: Props) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [queue, setQueue] = useState<RenderQueue | null>(null);
  useEffect(() => {
    if (!renderingQueue) {
      setQueue(createRenderQueue(1));
      return undefined;
    }
    const idle = createIdleRenderQueue(renderingQueue);
    setQueue(idle);
    return () => idle.dispose();
  }, [renderingQueue]);
  const cache = useMemo(() => {
    let map = cacheByDocument.get(document);
    if (!map) {
      map = new Map();
      cacheByDocument.set(document, map);
    }
    return map;
  }, [document]);
  const virtualizer = useVirtualizer({
    count: document.numPages,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 2,
  });
  useEffect(() => {
    virtualizer.scrollToIndex(currentPage - 1, { align: 'auto' });
  }, [currentPage, virtualizer]);

  return (
    <div ref={scroller} className="rd-viewer__thumbs" aria-label={t('viewer.sidebar.thumbnails')}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div key={item.key} className="rd-viewer__thumb-row" style={{ height: item.size, transform: `translateY(${item.start}px)` }}>
            <Thumbnail document={document} page={item.index + 1} current={item.index + 1 === currentPage}
              queue={queue} cache={cache} renderedCanvas={renderedCanvas} onGoToPage={onGoToPage} />
          </div>
        ))}
      </div>
    </div>
  );
}

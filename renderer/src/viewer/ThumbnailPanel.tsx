// 缩略图: a virtualised list, so only thumbnails near the visible part of the list exist (and
// render); follows the current page.
import { useEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useTranslation } from 'react-i18next';
import { createRenderQueue } from './logic/renderQueue';
import { Thumbnail } from './Thumbnail';

const ROW_HEIGHT = 196;
const cacheByDocument = new WeakMap<PDFDocumentProxy, Map<number, string>>();

interface Props {
  document: PDFDocumentProxy;
  currentPage: number;
  onGoToPage(page: number): void;
}

export function ThumbnailPanel({ document, currentPage, onGoToPage }: Props) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const queue = useMemo(() => createRenderQueue(2), []);
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
              queue={queue} cache={cache} onGoToPage={onGoToPage} />
          </div>
        ))}
      </div>
    </div>
  );
}

// Page, zoom and render-timing state of one viewer, kept in step with pdf.js through its
// EventBus, and the navigation commands the toolbar, sidebar, keyboard and handle share.
import { startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { ViewerCore } from './useViewerCore';
import { useViewerEvents } from './useViewerCore';
import { clampPage } from './logic/pageInput';
import { PAGE_WIDTH, zoomIn as nextZoomIn, zoomOut as nextZoomOut } from './logic/zoom';
import type { ViewerEvent } from './types';

export interface ViewerStatus {
  page: number;
  /** 0 until the document's pages are laid out. */
  pages: number;
  scale: number;
  pageWidth: boolean;
}

export interface ViewerCommands {
  goToPage(page: number): void;
  nextPage(): void;
  previousPage(): void;
  firstPage(): void;
  lastPage(): void;
  zoomIn(): void;
  zoomOut(): void;
  fitWidth(): void;
}

export interface ControllerOptions {
  initialPage?: number;
  openedAt: number;
  onPageChange?(page: number, pages: number): void;
  onViewerEvent?(event: ViewerEvent): void;
}

const INITIAL: ViewerStatus = { page: 1, pages: 0, scale: 1, pageWidth: true };
const EVENTS = ['pagesinit', 'pagechanging', 'scalechanging', 'pagerender', 'pagerendered'] as const;

export function useViewerController(
  core: ViewerCore | null,
  document: PDFDocumentProxy | null,
  container: RefObject<HTMLDivElement | null>,
  options: ControllerOptions,
): { status: ViewerStatus; commands: ViewerCommands } {
  const [current, setCurrent] = useState<{ document: PDFDocumentProxy | null; status: ViewerStatus }>({ document: null, status: INITIAL });
  const status = current.document === document ? current.status : INITIAL;
  const optionsRef = useRef(options);
  const pending = useRef<number | null>(options.initialPage ?? null);
  const renderStarts = useRef(new Map<number, number>());
  useLayoutEffect(() => {
    optionsRef.current = options;
  });
  useEffect(() => {
    // While a document opens, the page to show first is the initial page, unless a command
    // (goToPage before the pages exist) replaces it.
    if (document === null) pending.current = optionsRef.current.initialPage ?? null;
    renderStarts.current.clear();
  }, [document]);

  // Page and zoom changes re-render the toolbar and sidebar as a transition: pdf.js dispatches
  // them as it scrolls, right before it draws the page that came into view, and an urgent
  // re-render of the antd controls would run first and delay that page.
  const update = useCallback((patch: Partial<ViewerStatus>) => {
    startTransition(() => {
      setCurrent((prev) => ({ document, status: { ...(prev.document === document ? prev.status : INITIAL), ...patch } }));
    });
  }, [document]);

  const listeners = useRef<Record<string, (event: Record<string, unknown>) => void>>({});
  const handlers: Record<string, (event: Record<string, unknown>) => void> = {
    pagesinit: () => {
      if (!core) return;
      core.viewer.currentScaleValue = PAGE_WIDTH;
      const pages = core.viewer.pagesCount;
      if (pending.current !== null) core.viewer.currentPageNumber = clampPage(pending.current, pages);
      pending.current = null;
      const page = core.viewer.currentPageNumber;
      update({ pages, page });
      optionsRef.current.onPageChange?.(page, pages);
      optionsRef.current.onViewerEvent?.({ type: 'pagechange', page, pages });
    },
    pagechanging: (event) => {
      const page = Number(event.pageNumber);
      const pages = core?.viewer.pagesCount ?? 0;
      if (pages === 0) return;
      update({ page });
      optionsRef.current.onPageChange?.(page, pages);
      optionsRef.current.onViewerEvent?.({ type: 'pagechange', page, pages });
    },
    scalechanging: (event) => {
      update({ scale: Number(event.scale), pageWidth: event.presetValue === PAGE_WIDTH });
    },
    pagerender: (event) => {
      renderStarts.current.set(Number(event.pageNumber), performance.now());
    },
    pagerendered: (event) => {
      if (event.isDetailView === true) return;
      const page = Number(event.pageNumber);
      const timestamp = typeof event.timestamp === 'number' ? event.timestamp : performance.now();
      const started = renderStarts.current.get(page) ?? timestamp;
      optionsRef.current.onViewerEvent?.({
        type: 'pagerendered', page, ms: Math.round(timestamp - started), sinceOpen: Math.round(timestamp - optionsRef.current.openedAt),
      });
    },
  };
  useLayoutEffect(() => {
    listeners.current = handlers;
  });
  useViewerEvents(core, listeners, EVENTS);

  // Keep "page width" true to its name when the pane is resized or the sidebar toggles.
  useEffect(() => {
    const element = container.current;
    if (!core || !element) return undefined;
    let frame = 0;
    let width = element.clientWidth;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width) return;
      width = element.clientWidth;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (core.viewer.pdfDocument && core.viewer.currentScaleValue === PAGE_WIDTH) core.viewer.currentScaleValue = PAGE_WIDTH;
      });
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [core, container]);

  const commands = useCommands(core, pending);
  return { status, commands };
}

function useCommands(core: ViewerCore | null, pending: RefObject<number | null>): ViewerCommands {
  return useMemo(() => {
    const ready = (): boolean => !!core && !!core.viewer.pdfDocument && core.viewer.pagesCount > 0;
    const goToPage = (page: number): void => {
      if (!core || !ready()) {
        pending.current = page;
        return;
      }
      core.viewer.currentPageNumber = clampPage(page, core.viewer.pagesCount);
    };
    return {
      goToPage,
      nextPage: () => {
        if (ready()) core?.viewer.nextPage();
      },
      previousPage: () => {
        if (ready()) core?.viewer.previousPage();
      },
      firstPage: () => goToPage(1),
      lastPage: () => goToPage(core?.viewer.pagesCount ?? 1),
      zoomIn: () => {
        if (ready() && core) core.viewer.currentScale = nextZoomIn(core.viewer.currentScale);
      },
      zoomOut: () => {
        if (ready() && core) core.viewer.currentScale = nextZoomOut(core.viewer.currentScale);
      },
      fitWidth: () => {
        if (ready() && core) core.viewer.currentScaleValue = PAGE_WIDTH;
      },
    };
  }, [core, pending]);
}

// The PDF reader of the review screen: pages in continuous vertical scroll (pdf.js PDFViewer),
// a toolbar under them and a collapsible sidebar (目录 / 缩略图 / 查找).
import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from './LoadStatus';
import { ViewerSidebar } from './ViewerSidebar';
import { ViewerToolbar } from './ViewerToolbar';
import { useFind } from './useFind';
import { useOutline } from './useOutline';
import { usePdfDocument } from './usePdfDocument';
import { warmUpPdfWorker } from './pdfjs';
import { RenderingStates } from './pdfjsViewer';
import type { RenderedCanvas } from './Thumbnail';
import type { ViewerRenderingQueue } from './logic/renderQueue';
import { useSidebarState } from './useSidebarState';
import { useViewerController } from './useViewerController';
import { useControlsReady } from './useControlsReady';
import { useViewerCore, useViewerDocument } from './useViewerCore';
import { useViewerKeys } from './useViewerKeys';
import type { PdfViewerHandle, ViewerEvent, ViewerSection } from './types';
import './viewer.css';

export interface PdfViewerProps {
  documentUrl: string;
  title: string;
  sections?: ViewerSection[];
  initialPage?: number;
  onPageChange?(page: number, pages: number): void;
  /** Diagnostics (page renders, find counts) for tests and benchmarks. */
  onViewerEvent?(event: ViewerEvent): void;
  ref?: Ref<PdfViewerHandle>;
}

export function PdfViewer({ documentUrl, title, sections, initialPage, onPageChange, onViewerEvent, ref }: PdfViewerProps) {
  warmUpPdfWorker();
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const findInput = useRef<InputRef>(null);
  const [attempt, setAttempt] = useState(0);

  const documentState = usePdfDocument(documentUrl, attempt);
  const pdf = documentState.status === 'ready' ? documentState.document : null;
  const core = useViewerCore(container);
  useViewerDocument(core, pdf);
  const { status, commands } = useViewerController(core, pdf, container, {
    initialPage,
    openedAt: documentState.status === 'ready' ? documentState.openedAt : 0,
    onPageChange,
    onViewerEvent,
  });
  const find = useFind(core, pdf, onViewerEvent);
  const outline = useOutline(pdf, sections);
  const sidebar = useSidebarState();

  // The toolbar and sidebar render once the first page is shown (see useControlsReady);
  // placeholders keep their space meanwhile, so the page width pdf.js lays out with holds.
  const { ready: controls, reveal: revealControls, showNow: showControls } = useControlsReady();
  const failed = documentState.status === 'error';
  useEffect(() => {
    if (failed) revealControls();
    if (controls || failed || !core) return undefined;
    core.eventBus.on('pagerendered', revealControls, { once: true });
    return () => core.eventBus.off('pagerendered', revealControls);
  }, [core, controls, failed, revealControls]);
  const openFind = useCallback(() => {
    showControls();
    sidebar.show('find');
    requestAnimationFrame(() => findInput.current?.focus({ cursor: 'all' }));
  }, [sidebar, showControls]);
  const onKeyDown = useViewerKeys(commands, openFind);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const renderingQueue = (core?.viewer.renderingQueue ?? null) as ViewerRenderingQueue | null;
  const renderedCanvas = useCallback<RenderedCanvas>((page) => {
    const view = core?.viewer.getPageView(page - 1) as { renderingState: number; thumbnailCanvas: HTMLCanvasElement | null } | undefined;
    return view?.renderingState === RenderingStates.FINISHED ? view.thumbnailCanvas : null;
  }, [core]);

  useImperativeHandle(ref, () => ({
    goToPage: commands.goToPage,
    nextPage: commands.nextPage,
    previousPage: commands.previousPage,
    find: (query: string) => {
      showControls();
      sidebar.show('find');
      find.setQuery(query);
    },
    focus: () => container.current?.focus(),
  }), [commands, sidebar, find, showControls]);

  useLoadEvents(documentState, onViewerEvent);

  return (
    <div className="rd-viewer" onKeyDown={onKeyDown}>
      <div className="rd-viewer__body">
        {sidebar.open && (controls ? (
          <ViewerSidebar
            panel={sidebar.panel}
            onPanelChange={sidebar.show}
            document={pdf}
            currentPage={status.page}
            renderingQueue={renderingQueue}
            renderedCanvas={renderedCanvas}
            outline={outline}
            find={find}
            findInputRef={findInput}
            onGoToPage={commands.goToPage}
          />
        ) : <aside className="rd-viewer__sidebar" />)}
        <div className="rd-viewer__stage">
          <div ref={container} className="rd-viewer__container" tabIndex={0} aria-label={t('viewer.label', { title })}>
            <div className="pdfViewer" />
          </div>
          <LoadStatus state={documentState} onRetry={retry} />
        </div>
      </div>
      {controls ? (
        <ViewerToolbar status={status} commands={commands} ready={pdf !== null}
          sidebarOpen={sidebar.open} onToggleSidebar={sidebar.toggle} />
      ) : <div className="rd-viewer__toolbar" />}
    </div>
  );
}

function useLoadEvents(state: ReturnType<typeof usePdfDocument>, onViewerEvent?: (event: ViewerEvent) => void): void {
  const callback = useRef(onViewerEvent);
  useEffect(() => {
    callback.current = onViewerEvent;
  });
  useEffect(() => {
    if (state.status === 'ready') callback.current?.({ type: 'documentloaded', pages: state.document.numPages, ms: Math.round(state.ms) });
    if (state.status === 'error') callback.current?.({ type: 'loaderror', kind: state.kind });
  }, [state]);
}

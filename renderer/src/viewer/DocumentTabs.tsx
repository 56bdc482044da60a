// A tab per document of the applicant, hosting one PdfViewer for the active document. The page
// each document was left at is remembered while the tabs are shown.
import { useCallback, useRef, type Ref } from 'react';
import { Empty, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PdfViewer } from './PdfViewer';
import { warmUpPdfWorker } from './pdfjs';
import { useControlsReady } from './useControlsReady';
import type { PdfViewerHandle, ViewerDocument, ViewerEvent } from './types';

export interface DocumentTabsProps {
  documents: ViewerDocument[];
  activeId: string;
  onChange(id: string): void;
  onPageChange?(id: string, page: number, pages: number): void;
  onViewerEvent?(event: ViewerEvent): void;
  ref?: Ref<PdfViewerHandle>;
}

export function DocumentTabs({ documents, activeId, onChange, onPageChange, onViewerEvent, ref }: DocumentTabsProps) {
  // Before the tab bar renders: the worker's start overlaps it (see pdfjs.ts).
  if (documents.length > 0) warmUpPdfWorker();
  const { t } = useTranslation();
  const lastPages = useRef(new Map<string, number>());
  const active = documents.find((d) => d.id === activeId) ?? documents[0];
  const activeKey = active?.id;
  const handlePageChange = useCallback((page: number, pages: number) => {
    if (activeKey === undefined) return;
    lastPages.current.set(activeKey, page);
    onPageChange?.(activeKey, page, pages);
  }, [activeKey, onPageChange]);
  // The tab bar renders once the first page is shown, like the viewer's own controls; a
  // placeholder of its height keeps the page where it will be.
  const { ready: barReady, reveal: revealBar } = useControlsReady();
  const handleViewerEvent = useCallback((event: ViewerEvent) => {
    if (event.type === 'pagerendered' || event.type === 'loaderror') revealBar();
    onViewerEvent?.(event);
  }, [onViewerEvent, revealBar]);

  if (!active) return <Empty className="rd-tabs__empty" description={t('viewer.tabs.empty')} />;
  return (
    <div className="rd-tabs">
      {barReady ? (
        <Tabs
          className="rd-tabs__bar"
          size="small"
          activeKey={active.id}
          onChange={onChange}
          aria-label={t('viewer.tabs.label')}
          items={documents.map((d) => ({ key: d.id, label: d.title }))}
        />
      ) : <div className="rd-tabs__bar rd-tabs__bar--pending" />}
      <div className="rd-tabs__viewer">
        <PdfViewer
          ref={ref}
          documentUrl={active.url}
          title={active.title}
          sections={active.sections}
          initialPage={lastPages.current.get(active.id)}
          onPageChange={handlePageChange}
          onViewerEvent={handleViewerEvent}
        />
      </div>
    </div>
  );
}

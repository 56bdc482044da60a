// The collapsible left sidebar: 目录 / 缩略图 / 查找. Only the shown panel is mounted, so hidden
// thumbnails never render.
import { memo, type ReactNode, type Ref } from 'react';
import { Segmented, type InputRef } from 'antd';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useTranslation } from 'react-i18next';
import { FindPanel } from './FindPanel';
import { OutlinePanel } from './OutlinePanel';
import { ThumbnailPanel } from './ThumbnailPanel';
import type { RenderedCanvas } from './Thumbnail';
import type { ViewerRenderingQueue } from './logic/renderQueue';
import type { FindApi } from './useFind';
import type { OutlineLists } from './useOutline';
import type { SidebarPanel } from './useSidebarState';

interface Props {
  panel: SidebarPanel;
  onPanelChange(panel: SidebarPanel): void;
  document: PDFDocumentProxy | null;
  currentPage: number;
  renderingQueue: ViewerRenderingQueue | null;
  renderedCanvas: RenderedCanvas;
  outline: OutlineLists;
  find: FindApi;
  findInputRef: Ref<InputRef>;
  onGoToPage(page: number): void;
}

export const ViewerSidebar = memo(function ViewerSidebar({ panel, onPanelChange, document, currentPage, renderingQueue, renderedCanvas, outline, find, findInputRef, onGoToPage }: Props) {
  let content: ReactNode = null;
  if (panel === 'find') content = <FindPanel find={find} disabled={!document} inputRef={findInputRef} />;
  else if (document && panel === 'thumbnails') content = (
    <ThumbnailPanel document={document} currentPage={currentPage} renderingQueue={renderingQueue} renderedCanvas={renderedCanvas} onGoToPage={onGoToPage} />
  );
  else if (document) content = <OutlinePanel outline={outline} currentPage={currentPage} onGoToPage={onGoToPage} />;
  return (
    <aside className="rd-viewer__sidebar">
      <PanelSwitch panel={panel} onPanelChange={onPanelChange} />
      <div className="rd-viewer__panel">{content}</div>
    </aside>
  );
});

/** The 目录 / 缩略图 / 查找 switch; memoised, so paging does not re-render it. */
const PanelSwitch = memo(function PanelSwitch({ panel, onPanelChange }: { panel: SidebarPanel; onPanelChange(panel: SidebarPanel): void }) {
  const { t } = useTranslation();
  return (
    <Segmented<SidebarPanel>
      block
      size="small"
      className="rd-viewer__panels"
      value={panel}
      onChange={onPanelChange}
      options={[
        { value: 'outline', label: t('viewer.sidebar.outline') },
        { value: 'thumbnails', label: t('viewer.sidebar.thumbnails') },
        { value: 'find', label: t('viewer.sidebar.find') },
      ]}
    />
  );
});

// The collapsible left sidebar: 目录 / 缩略图 / 查找. Only the shown panel is mounted, so hidden
// thumbnails never render.
import type { Ref } from 'react';
import { Tabs, type InputRef } from 'antd';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useTranslation } from 'react-i18next';
import { FindPanel } from './FindPanel';
import { OutlinePanel } from './OutlinePanel';
import { ThumbnailPanel } from './ThumbnailPanel';
import type { FindApi } from './useFind';
import type { OutlineLists } from './useOutline';
import type { SidebarPanel } from './useSidebarState';

interface Props {
  panel: SidebarPanel;
  onPanelChange(panel: SidebarPanel): void;
  document: PDFDocumentProxy | null;
  currentPage: number;
  outline: OutlineLists;
  find: FindApi;
  findInputRef: Ref<InputRef>;
  onGoToPage(page: number): void;
}

export function ViewerSidebar({ panel, onPanelChange, document, currentPage, outline, find, findInputRef, onGoToPage }: Props) {
  const { t } = useTranslation();
  const panels: { key: SidebarPanel; label: string; content: React.ReactNode }[] = [
    { key: 'outline', label: t('viewer.sidebar.outline'), content: <OutlinePanel outline={outline} currentPage={currentPage} onGoToPage={onGoToPage} /> },
    { key: 'thumbnails', label: t('viewer.sidebar.thumbnails'), content: document && <ThumbnailPanel document={document} currentPage={currentPage} onGoToPage={onGoToPage} /> },
    { key: 'find', label: t('viewer.sidebar.find'), content: <FindPanel find={find} disabled={!document} inputRef={findInputRef} /> },
  ];
  return (
    <aside className="rd-viewer__sidebar">
      <Tabs
        size="small"
        centered
        activeKey={panel}
        onChange={(key) => onPanelChange(key as SidebarPanel)}
        destroyOnHidden
        items={panels.map((p) => ({ key: p.key, label: p.label, children: <div className="rd-viewer__panel">{p.content}</div> }))}
      />
    </aside>
  );
}

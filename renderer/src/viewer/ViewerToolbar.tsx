// The bar under the page: sidebar toggle, page box, zoom.
import { memo } from 'react';
import { Button, Tooltip } from 'antd';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageInput } from './PageInput';
import { ZoomControls } from './ZoomControls';
import type { ViewerCommands, ViewerStatus } from './useViewerController';

interface Props {
  status: ViewerStatus;
  commands: ViewerCommands;
  ready: boolean;
  sidebarOpen: boolean;
  onToggleSidebar(): void;
}

export const ViewerToolbar = memo(function ViewerToolbar({ status, commands, ready, sidebarOpen, onToggleSidebar }: Props) {
  const disabled = !ready || status.pages === 0;
  return (
    <div className="rd-viewer__toolbar" role="toolbar">
      <SidebarToggle open={sidebarOpen} onToggle={onToggleSidebar} />
      <PageInput page={status.page} pages={status.pages} disabled={disabled} onGoToPage={commands.goToPage} />
      <ZoomControls scale={status.scale} pageWidth={status.pageWidth} disabled={disabled}
        onZoomIn={commands.zoomIn} onZoomOut={commands.zoomOut} onFitWidth={commands.fitWidth} />
    </div>
  );
});

const SidebarToggle = memo(function SidebarToggle({ open, onToggle }: { open: boolean; onToggle(): void }) {
  const { t } = useTranslation();
  const label = open ? t('viewer.sidebar.hide') : t('viewer.sidebar.show');
  return (
    <Tooltip title={label}>
      <Button size="small" type="text" aria-label={label} aria-expanded={open}
        icon={open ? <MenuFoldOutlined /> : <MenuUnfoldOutlined />} onClick={onToggle} />
    </Tooltip>
  );
});

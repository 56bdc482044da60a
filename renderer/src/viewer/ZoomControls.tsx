// − 100% + 适合宽度
import { memo } from 'react';
import { Button, Tooltip } from 'antd';
import { ColumnWidthOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { canZoomIn, canZoomOut, formatPercent } from './logic/zoom';

interface Props {
  scale: number;
  pageWidth: boolean;
  disabled: boolean;
  onZoomIn(): void;
  onZoomOut(): void;
  onFitWidth(): void;
}

export const ZoomControls = memo(function ZoomControls({ scale, pageWidth, disabled, onZoomIn, onZoomOut, onFitWidth }: Props) {
  const { t } = useTranslation();
  return (
    <span className="rd-viewer__zoom" role="group" aria-label={t('viewer.toolbar.zoom')}>
      <Tooltip title={t('viewer.toolbar.zoomOut')}>
        <Button size="small" type="text" icon={<MinusOutlined />} aria-label={t('viewer.toolbar.zoomOut')}
          disabled={disabled || !canZoomOut(scale)} onClick={onZoomOut} />
      </Tooltip>
      <span className="rd-viewer__percent" aria-live="polite">{disabled ? '–' : formatPercent(scale)}</span>
      <Tooltip title={t('viewer.toolbar.zoomIn')}>
        <Button size="small" type="text" icon={<PlusOutlined />} aria-label={t('viewer.toolbar.zoomIn')}
          disabled={disabled || !canZoomIn(scale)} onClick={onZoomIn} />
      </Tooltip>
      <Button size="small" type={pageWidth ? 'primary' : 'default'} ghost={pageWidth} icon={<ColumnWidthOutlined />}
        disabled={disabled} onClick={onFitWidth} aria-pressed={pageWidth}>
        {t('viewer.toolbar.fitWidth')}
      </Button>
    </span>
  );
});

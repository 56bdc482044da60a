// The status words and colours of UI.md, the same everywhere.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SheetStatus } from '../../../shared/sheet/draft';

const COLOURS: Record<SheetStatus | 'review', string> = {
  'not-started': 'default',
  draft: 'blue',
  complete: 'green',
  conflict: 'purple',
  ineligible: 'orange',
  review: 'red',
};

export function StatusTag({ status, reopened = false }: { status: SheetStatus; reopened?: boolean }) {
  const { t } = useTranslation();
  const shown = reopened ? 'review' : status;
  return (
    <Tag color={COLOURS[shown]} data-status={shown} style={{ marginInlineEnd: 0 }}>
      {t(`status.${shown}`)}
    </Tag>
  );
}

// 删除 beside an applicant or expert, after a confirmation naming it.
import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { DraftTabProps } from './BuilderScreen';

export function RemoveButton({ draft, apply, kind, id, name }: Pick<DraftTabProps, 'draft' | 'apply'> & { kind: 'applicant' | 'expert'; id: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Popconfirm title={t('builder.removeConfirm', { id, name })} onConfirm={() => void apply(() => call('builder.remove', { draftId: draft.draftId, kind, id }))}>
      <Button size="small" danger>
        {t('builder.remove')}
      </Button>
    </Popconfirm>
  );
}

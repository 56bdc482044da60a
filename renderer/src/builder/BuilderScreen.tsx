// 秘书处 · one round in preparation: its information and rubrics, applicants, experts and their
// assignment, then the check and packing. Every change goes through the API and comes back as
// the whole round with its check, so the tabs always show what is on disk.
import { Badge, Button, Popconfirm, Space, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftView } from '../../../shared/api/contract';
import { call } from '../api/client';
import { ErrorText } from '../common/ErrorText';
import { useAction } from '../common/use-action';
import { useRouter } from '../router';
import { ApplicantsTab } from './ApplicantsTab';
import { ExpertsTab } from './ExpertsTab';
import { InfoTab } from './InfoTab';
import { PackTab } from './PackTab';

/** What each tab gets: the round as it is, and a way to apply a change (errors shown by the screen). */
export interface DraftTabProps {
  draft: DraftView;
  /** Runs a change; its new view replaces the old. Resolves false when it was refused. */
  apply(change: () => Promise<DraftView>): Promise<boolean>;
  busy: boolean;
}

export function BuilderScreen({ draftId }: { draftId: string }) {
  const { t } = useTranslation();
  const go = useRouter((router) => router.go);
  const [draft, setDraft] = useState<DraftView | null>(null);
  const { busy, error, setError, run } = useAction();
  const [tab, setTab] = useState('info');
  useEffect(() => void call('builder.get', { draftId }).then(setDraft, setError), [draftId, setError]);

  const apply = useCallback((change: () => Promise<DraftView>) => run(async () => setDraft(await change())), [run]);

  const remove = async () => {
    await call('builder.delete', { draftId });
    go({ screen: 'builder' });
  };

  if (draft === null) return <div style={{ padding: 24 }}>{error !== null ? <ErrorText error={error} /> : t('common.loading')}</div>;
  const props: DraftTabProps = { draft, apply, busy };
  const { problems, warnings } = draft.check;
  return (
    <div style={{ maxWidth: 1280, margin: '0 auto', padding: '16px 24px' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <div>
          <Button type="link" style={{ paddingInline: 0 }} onClick={() => go({ screen: 'builder' })}>
            ← {t('nav.builder')}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="draft-title">
            {draft.round.round.title} <Typography.Text type="secondary">{draft.round.round.id}</Typography.Text>
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: draft.folder }}>
            {t('builder.folder', { folder: draft.folder })}
          </Typography.Text>
        </div>
        <Popconfirm title={t('builder.deleteConfirm', { title: draft.round.round.title })} onConfirm={() => void remove()} okButtonProps={{ danger: true }}>
          <Button danger>{t('builder.delete')}</Button>
        </Popconfirm>
      </Space>
      {error !== null && (
        <div style={{ marginTop: 12 }} data-testid="builder-error">
          <ErrorText error={error} />
        </div>
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'info', label: t('builder.tabs.info'), children: <InfoTab {...props} /> },
          { key: 'applicants', label: `${t('builder.tabs.applicants')} (${draft.round.applicants.length})`, children: <ApplicantsTab {...props} /> },
          { key: 'experts', label: `${t('builder.tabs.experts')} (${draft.round.experts.length})`, children: <ExpertsTab {...props} /> },
          {
            key: 'pack',
            label: (
              <Badge count={problems.length} size="small" offset={[8, 0]} color={problems.length > 0 ? 'red' : 'gold'} showZero={false}>
                <span data-testid="tab-pack">{t('builder.tabs.pack')}{problems.length === 0 && warnings.length > 0 ? ` (${warnings.length})` : ''}</span>
              </Badge>
            ),
            children: <PackTab {...props} />,
          },
        ]}
      />
    </div>
  );
}

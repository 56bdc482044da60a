// 秘书处 · 筹备评审轮次: the rounds in preparation on this computer, and a new one from a template.
import { Button, Card, Empty, Form, List, Radio, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftSummary, RoundInfoInput, TemplateView } from '../../../shared/api/contract';
import { call } from '../api/client';
import { ErrorText } from '../common/ErrorText';
import { useAction } from '../common/use-action';
import { chooseFiles, chosenFolderName } from '../common/choose-files';
import { RoundInfoFields } from './RoundInfoFields';
import { uploadFolder } from './upload-folder';
import { formatTime } from '../common/format';
import { useRouter } from '../router';

type NewRoundForm = RoundInfoInput & { templateId: string };

/** The form's values as the contract's round info (empty optional fields left out). */
function roundInfoOf(values: RoundInfoInput): RoundInfoInput {
  const text = (value: string | undefined) => (value !== undefined && value.trim() !== '' ? value.trim() : undefined);
  const organizer = text(values.organizer);
  const stage = text(values.stage);
  const closes = text(values.scoringCloses);
  return {
    id: values.id.trim(),
    title: values.title.trim(),
    ...(organizer !== undefined ? { organizer } : {}),
    ...(stage !== undefined ? { stage } : {}),
    ...(closes !== undefined ? { scoringCloses: closes } : {}),
    ...(values.confidential !== undefined ? { confidential: values.confidential } : {}),
  };
}

export function BuilderListScreen() {
  const { t, i18n } = useTranslation();
  const go = useRouter((router) => router.go);
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  const [templates, setTemplates] = useState<TemplateView[]>([]);
  const { busy, error, setError, run } = useAction();
  const [form] = Form.useForm<NewRoundForm>();
  useEffect(() => {
    call('builder.list', {}).then(setDrafts, setError);
    call('builder.templates', {}).then(setTemplates, setError);
  }, [setError]);

  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const openFolder = async () => {
    const files = await chooseFiles({ folder: true });
    if (files.length === 0) return;
    await run(async () => {
      const view = await call('builder.openFolder', { name: chosenFolderName(files), files: await uploadFolder(files, setProgress) });
      go({ screen: 'draft', draftId: view.draftId });
    });
  };

  const create = (values: NewRoundForm) =>
    run(async () => {
      const view = await call('builder.create', { templateId: values.templateId, info: roundInfoOf(values) });
      go({ screen: 'draft', draftId: view.draftId });
    });

  return (
    <div style={{ maxWidth: 960, margin: '0 auto', padding: 24 }}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card title={t('builder.listTitle')}>
          {drafts !== null && drafts.length === 0 && <Empty description={t('builder.none')} />}
          {drafts !== null && drafts.length > 0 && (
            <List
              dataSource={drafts}
              renderItem={(draft) => (
                <List.Item data-testid={`draft-${draft.roundId}`} actions={[<Button key="open" type="primary" onClick={() => go({ screen: 'draft', draftId: draft.draftId })}>{t('builder.open')}</Button>]}>
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        {draft.title}
                        <Typography.Text type="secondary">{draft.roundId}</Typography.Text>
                        <Tag color={draft.ready ? 'green' : 'orange'}>{draft.ready ? t('builder.ready') : t('builder.notReady')}</Tag>
                        {draft.lastPack !== null && <Tag color="blue">{t('builder.packed', { version: draft.lastPack.bundleVersion })}</Tag>}
                      </Space>
                    }
                    description={
                      <Typography.Text type="secondary">
                        {draft.templateTitle !== null ? `${draft.templateTitle} · ` : ''}
                        {t('builder.listSummary', { applicants: draft.applicants, experts: draft.experts, time: formatTime(draft.updatedAt, i18n.language) })}
                      </Typography.Text>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
        <Card title={t('builder.openFolder')} size="small">
          <Space>
            <Button onClick={() => void openFolder()} disabled={busy} data-testid="open-round-folder">
              {t('builder.openFolderButton')}
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('builder.openFolderHint')}
            </Typography.Text>
          </Space>
          {progress !== null && <div style={{ marginTop: 8 }}>{t('builder.uploading', progress)}</div>}
        </Card>
        <Card title={t('builder.create')}>
          <Form form={form} name="new-round" layout="vertical" onFinish={(values) => void create(values)} disabled={busy} data-testid="new-round" initialValues={{ confidential: true }}>
            <Form.Item name="templateId" label={t('builder.template')} rules={[{ required: true, message: t('builder.required') }]}>
              <Radio.Group style={{ width: '100%' }}>
                <Space direction="vertical" style={{ width: '100%' }}>
                  {templates.map((template) => (
                    <Radio key={template.id} value={template.id} data-testid={`template-${template.id}`}>
                      <strong>{i18n.language === 'en' && template.titleEn !== undefined ? template.titleEn : template.title}</strong>{' '}
                      <Typography.Text type="secondary">
                        {t('builder.templateCategories', { count: template.categories.length })}
                        {template.categories.length > 1 ? `：${template.categories.map((category) => category.title.replace(/^20\d\d年度内蒙古自治区/, '')).join('、')}` : ''}
                      </Typography.Text>
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </Form.Item>
            <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
              <RoundInfoFields hints />
            </div>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="create-round">
              {t('builder.createButton')}
            </Button>
          </Form>
        </Card>
        {error !== null && <ErrorText error={error} />}
      </Space>
    </div>
  );
}

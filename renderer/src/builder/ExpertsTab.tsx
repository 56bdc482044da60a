// Experts: added one by one (name, optional id, optional .pub file whose key goes into the
// roster) or from a list, each assigned whole categories or single applicants.
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Expert, RoundDefinition } from '../../../shared/round/schema';
import { call, client } from '../api/client';
import { chooseFiles } from '../common/choose-files';
import type { DraftTabProps } from './BuilderScreen';
import { ProblemMarker } from './ProblemMarker';
import { RemoveButton } from './RemoveButton';

/** Categories first, then applicants, as choices for an assignment. */
function targetOptions(round: RoundDefinition) {
  return [
    ...round.categories.map((category) => ({ value: category.id, label: `▣ ${category.title}` })),
    ...round.applicants.map((applicant) => ({ value: applicant.id, label: `${applicant.id} ${applicant.name}` })),
  ];
}

export function ExpertsTab({ draft, apply, busy }: DraftTabProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name?: string; id?: string; assigned?: string[] }>();
  const [pub, setPub] = useState<{ fileName: string; text: string } | null>(null);
  const [added, setAdded] = useState<number | null>(null);
  const [assigning, setAssigning] = useState<Expert | null>(null);
  const options = targetOptions(draft.round);
  const label = (target: string) => options.find((option) => option.value === target)?.label ?? target;

  const choosePub = async () => {
    const [file] = await chooseFiles({ accept: '.pub,.json' });
    if (file !== undefined) setPub({ fileName: file.name, text: await file.text() });
  };
  const addOne = async (values: { name?: string; id?: string; assigned?: string[] }) => {
    const ok = await apply(async () => {
      const change = await call('builder.addExperts', {
        draftId: draft.draftId,
        from: {
          kind: 'entries',
          experts: [{ ...(values.name ? { name: values.name } : {}), ...(values.id ? { id: values.id } : {}), ...(pub !== null ? { pub } : {}), assigned: values.assigned ?? [] }],
        },
      });
      setAdded(change.added.length);
      return change.view;
    });
    if (ok) {
      form.resetFields();
      setPub(null);
    }
  };
  const fromList = async () => {
    const [file] = await chooseFiles({ accept: '.xlsx,.xlsm,.csv,.txt' });
    if (file === undefined) return;
    await apply(async () => {
      const change = await call('builder.addExperts', { draftId: draft.draftId, from: { kind: 'list', source: await client.sourceFromFile(file) } });
      setAdded(change.added.length);
      return change.view;
    });
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('builder.addExpert')} extra={<Button onClick={() => void fromList()} disabled={busy} data-testid="experts-from-list">{t('builder.addExpertsFromList')}</Button>}>
        <Form form={form} name="add-expert" layout="inline" onFinish={(values) => void addOne(values)} disabled={busy} style={{ rowGap: 8 }} data-testid="add-expert">
          <Form.Item name="name" label={t('builder.expertName')} rules={[{ required: pub === null, message: t('builder.required') }]}>
            <Input style={{ width: 160 }} data-testid="expert-name" />
          </Form.Item>
          <Form.Item name="id" label={t('builder.expertId')}>
            <Input style={{ width: 100 }} />
          </Form.Item>
          <Form.Item label={t('builder.pubFile')}>
            <Space>
              <Button onClick={() => void choosePub()} data-testid="choose-pub">
                {t('builder.choosePub')}
              </Button>
              {pub !== null && (
                <Tag closable onClose={() => setPub(null)}>
                  {pub.fileName}
                </Tag>
              )}
            </Space>
          </Form.Item>
          <Form.Item name="assigned" label={t('builder.assigned')}>
            <Select mode="multiple" style={{ minWidth: 280 }} options={options} optionFilterProp="label" data-testid="expert-assigned" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="add-expert-button">
            {t('builder.addExpert')}
          </Button>
        </Form>
      </Card>
      {added !== null && <Alert type="success" showIcon closable onClose={() => setAdded(null)} title={t('builder.addedExperts', { count: added })} />}
      <Table<Expert>
        size="small"
        rowKey="id"
        dataSource={draft.round.experts}
        pagination={false}
        data-testid="experts"
        columns={[
          { title: t('builder.id'), dataIndex: 'id', width: 80 },
          {
            title: t('builder.expertName'),
            dataIndex: 'name',
            width: 220,
            render: (name: string, expert) => (
              <Space direction="vertical" size={0}>
                {name}
                <ProblemMarker draft={draft} id={expert.id} />
              </Space>
            ),
          },
          {
            title: t('builder.key'),
            dataIndex: 'publicKey',
            width: 200,
            render: (key: string | undefined) =>
              key !== undefined ? (
                <Typography.Text code>{`${key.slice(0, 12)}…`}</Typography.Text>
              ) : (
                <Tooltip title={t('builder.noKey')}>
                  <Tag>{t('builder.noKeyShort')}</Tag>
                </Tooltip>
              ),
          },
          {
            title: t('builder.assigned'),
            dataIndex: 'assigned',
            render: (assigned: string[]) => (assigned.length === 0 ? <Typography.Text type="secondary">{t('builder.nothingAssigned')}</Typography.Text> : assigned.map((target) => <Tag key={target}>{label(target)}</Tag>)),
          },
          {
            title: t('builder.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, expert: Expert) => (
              <Space>
                <Button size="small" onClick={() => setAssigning(expert)} data-testid={`assign-${expert.id}`}>
                  {t('builder.assign')}
                </Button>
                <RemoveButton draft={draft} apply={apply} kind="expert" id={expert.id} name={expert.name} />
              </Space>
            ),
          },
        ]}
      />
      {assigning !== null && (
        <AssignDialog
          expert={assigning}
          options={options}
          onClose={() => setAssigning(null)}
          onSave={async (targets) => {
            if (await apply(() => call('builder.assign', { draftId: draft.draftId, expertId: assigning.id, targets, replace: true }))) setAssigning(null);
          }}
        />
      )}
    </Space>
  );
}

function AssignDialog({ expert, options, onClose, onSave }: { expert: Expert; options: { value: string; label: string }[]; onClose(): void; onSave(targets: string[]): Promise<void> }) {
  const { t } = useTranslation();
  const [targets, setTargets] = useState<string[]>(expert.assigned);
  return (
    <Modal open title={t('builder.assignTitle', { id: expert.id, name: expert.name })} onCancel={onClose} onOk={() => void onSave(targets)} okText={t('builder.save')} data-testid="assign-dialog">
      <Typography.Paragraph type="secondary">{t('builder.assignHint')}</Typography.Paragraph>
      <Select mode="multiple" style={{ width: '100%' }} value={targets} onChange={setTargets} options={options} optionFilterProp="label" data-testid="assign-targets" />
    </Modal>
  );
}

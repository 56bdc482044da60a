// Applicants: added from a list (.xlsx / .csv) or from a folder of PDFs (one sub-folder each; a
// sub-folder of an applicant already listed adds its PDFs to it), their facts, and removal.
import { Alert, Button, Input, InputNumber, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Applicant, FactValue } from '../../../shared/round/schema';
import type { DraftChange, FactSpecView } from '../../../shared/api/contract';
import { call, client } from '../api/client';
import { chooseFiles, chosenFolderName } from '../common/choose-files';
import { uploadFolder } from './upload-folder';
import type { DraftTabProps } from './BuilderScreen';
import { ProblemMarker } from './ProblemMarker';
import { RemoveButton } from './RemoveButton';

function factText(value: FactValue | undefined, spec: FactSpecView | undefined, yes: string, no: string): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'string') return value;
  return `${value.toLocaleString('zh-CN', { maximumFractionDigits: 6 })}${spec?.unit !== undefined ? ` ${spec.unit}` : ''}`;
}

export function ApplicantsTab({ draft, apply, busy }: DraftTabProps) {
  const { t } = useTranslation();
  const categories = draft.round.categories;
  const [category, setCategory] = useState<string | undefined>(categories.length === 1 ? categories[0]!.id : undefined);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<DraftChange | null>(null);
  const [editing, setEditing] = useState<Applicant | null>(null);
  const specs = new Map(draft.facts.map((spec) => [spec.key, spec]));
  const categoryTitle = (id: string) => categories.find((candidate) => candidate.id === id)?.title ?? id;

  const addFrom = (load: () => Promise<DraftChange>) =>
    apply(async () => {
      const change = await load();
      setResult(change);
      return change.view;
    });

  const downloadTemplate = () =>
    apply(async () => {
      await client.saveFile(await call('builder.listTemplate', { draftId: draft.draftId }));
      return draft;
    });

  const fromList = async () => {
    const [file] = await chooseFiles({ accept: '.xlsx,.xlsm,.csv,.txt' });
    if (file === undefined) return;
    setResult(null);
    await addFrom(async () => call('builder.addApplicants', { draftId: draft.draftId, from: { kind: 'list', source: await client.sourceFromFile(file) }, ...(category !== undefined ? { category } : {}) }));
  };

  const fromFolder = async () => {
    const files = await chooseFiles({ folder: true });
    if (files.length === 0) return;
    setResult(null);
    await addFrom(async () => {
      const chosen = await uploadFolder(files, setProgress);
      return call('builder.addApplicants', { draftId: draft.draftId, from: { kind: 'folder', name: chosenFolderName(files), files: chosen }, ...(category !== undefined ? { category } : {}) });
    });
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {categories.length > 1 && (
          <Select
            placeholder={t('builder.defaultCategory')}
            value={category}
            onChange={setCategory}
            allowClear
            style={{ width: 360 }}
            options={categories.map((candidate) => ({ value: candidate.id, label: candidate.title }))}
            data-testid="default-category"
          />
        )}
        <Button onClick={() => void downloadTemplate()} disabled={busy} data-testid="list-template">
          {t('builder.listTemplate')}
        </Button>
        <Button onClick={() => void fromList()} disabled={busy} data-testid="add-from-list">
          {t('builder.addFromList')}
        </Button>
        <Button type="primary" onClick={() => void fromFolder()} disabled={busy} data-testid="add-from-folder">
          {t('builder.addFromFolder')}
        </Button>
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('builder.folderHint')} {t('builder.listHint')}
      </Typography.Text>
      {progress !== null && <Alert type="info" title={t('builder.uploading', progress)} />}
      {result !== null && <Alert type="success" showIcon closable onClose={() => setResult(null)} title={t('builder.addedApplicants', { added: result.added.length, extended: result.extended.length })} data-testid="applicants-added" />}
      <Table<Applicant>
        size="small"
        rowKey="id"
        dataSource={draft.round.applicants}
        pagination={draft.round.applicants.length > 100 ? { pageSize: 100 } : false}
        data-testid="applicants"
        columns={[
          { title: t('builder.id'), dataIndex: 'id', width: 90 },
          {
            title: t('builder.name'),
            dataIndex: 'name',
            render: (name: string, applicant) => (
              <Space direction="vertical" size={0}>
                {name}
                <ProblemMarker draft={draft} id={applicant.id} />
              </Space>
            ),
          },
          ...(categories.length > 1 ? [{ title: t('builder.category'), dataIndex: 'category', render: (id: string) => categoryTitle(id), width: 260 }] : []),
          {
            title: t('builder.documents'),
            key: 'documents',
            width: 110,
            render: (_: unknown, applicant: Applicant) => (
              <Tooltip title={applicant.documents.map((document) => <div key={document.path}>{document.path}</div>)}>
                <span>{applicant.documents.length}</span>
              </Tooltip>
            ),
          },
          {
            title: t('builder.facts'),
            key: 'facts',
            render: (_: unknown, applicant: Applicant) =>
              Object.entries(applicant.facts ?? {}).map(([key, value]) => (
                <Tag key={key}>
                  {specs.get(key)?.label ?? key}：{factText(value, specs.get(key), t('builder.factYes'), t('builder.factNo'))}
                </Tag>
              )),
          },
          {
            title: t('builder.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, applicant: Applicant) => (
              <Space>
                <Button size="small" onClick={() => setEditing(applicant)} data-testid={`facts-${applicant.id}`}>
                  {t('builder.editFacts')}
                </Button>
                <RemoveButton draft={draft} apply={apply} kind="applicant" id={applicant.id} name={applicant.name} />
              </Space>
            ),
          },
        ]}
      />
      {editing !== null && (
        <FactsDialog
          applicant={editing}
          specs={draft.facts}
          onClose={() => setEditing(null)}
          onSave={async (facts) => {
            if (await apply(() => call('builder.setFacts', { draftId: draft.draftId, applicantId: editing.id, facts }))) setEditing(null);
          }}
        />
      )}
    </Space>
  );
}

/** The facts of one applicant: those the round's conditions use (with labels and units), and any others it has. */
function FactsDialog({ applicant, specs, onClose, onSave }: { applicant: Applicant; specs: FactSpecView[]; onClose(): void; onSave(facts: Record<string, FactValue | null>): Promise<void> }) {
  const { t } = useTranslation();
  const current = applicant.facts ?? {};
  const keys = [...new Set([...specs.map((spec) => spec.key), ...Object.keys(current)])];
  const [values, setValues] = useState<Record<string, FactValue | null>>({ ...current });
  const [newKey, setNewKey] = useState('');
  const [newValue, setNewValue] = useState('');
  const set = (key: string, value: FactValue | null) => setValues((before) => ({ ...before, [key]: value }));
  const changed = () => {
    const facts: Record<string, FactValue | null> = Object.fromEntries(keys.filter((key) => (values[key] ?? null) !== (current[key] ?? null)).map((key) => [key, values[key] ?? null]));
    // A fact of the applicant's own: a number when it reads as one (as `reviewdesk round facts` takes it), else text.
    const value = newValue.trim();
    if (newKey.trim() !== '' && value !== '') facts[newKey.trim()] = /^[-+]?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    return facts;
  };
  return (
    <Modal open title={t('builder.factsTitle', { id: applicant.id, name: applicant.name })} onCancel={onClose} onOk={() => void onSave(changed())} okText={t('builder.save')} width={640} data-testid="facts-dialog">
      <Space direction="vertical" style={{ width: '100%' }}>
        {keys.map((key) => {
          const spec = specs.find((candidate) => candidate.key === key);
          const value = values[key] ?? null;
          return (
            <Space key={key} style={{ width: '100%', justifyContent: 'space-between' }}>
              <span>
                {spec?.label ?? key} <Typography.Text type="secondary">{spec?.label !== undefined ? key : ''}</Typography.Text>
              </span>
              {spec?.kind === 'boolean' || typeof value === 'boolean' ? (
                <Select
                  style={{ width: 200 }}
                  value={value === null ? '' : String(value)}
                  onChange={(choice: string) => set(key, choice === '' ? null : choice === 'true')}
                  options={[{ value: '', label: t('builder.factEmpty') }, { value: 'true', label: t('builder.factYes') }, { value: 'false', label: t('builder.factNo') }]}
                />
              ) : spec?.kind === 'number' || typeof value === 'number' ? (
                <InputNumber style={{ width: 200 }} value={typeof value === 'number' ? value : null} onChange={(number) => set(key, typeof number === 'number' ? number : null)} addonAfter={spec?.unit} data-testid={`fact-${key}`} />
              ) : (
                <Input style={{ width: 200 }} value={typeof value === 'string' ? value : ''} onChange={(event) => set(key, event.target.value === '' ? null : event.target.value)} />
              )}
            </Space>
          );
        })}
        <Space>
          <Input placeholder={t('builder.facts')} value={newKey} onChange={(event) => setNewKey(event.target.value)} style={{ width: 200 }} />
          <Input placeholder={t('builder.factValue')} value={newValue} onChange={(event) => setNewValue(event.target.value)} disabled={newKey.trim() === ''} style={{ width: 200 }} />
        </Space>
      </Space>
    </Modal>
  );
}

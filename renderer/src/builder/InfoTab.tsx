// The round's own information (editable), the template's notes, and each rubric with its points:
// points the source document does not give are marked as examples.
import { Alert, Button, Card, Collapse, Form, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExampleValueView } from '../../../shared/api/contract';
import type { Criterion, Rubric } from '../../../shared/round/schema';
import { toNumber } from '../../../shared/exact';
import { criterionMax } from '../../../shared/rubric/marks';
import { call } from '../api/client';
import type { DraftTabProps } from './BuilderScreen';
import { RoundInfoFields } from './RoundInfoFields';

interface CriterionRow {
  key: string;
  label: string;
  max: number;
  example: boolean;
  children?: CriterionRow[];
}

function criterionRows(criteria: readonly Criterion[], examples: ReadonlySet<string>): CriterionRow[] {
  return criteria.map((criterion) => ({
    key: criterion.id,
    label: criterion.label,
    max: toNumber(criterionMax(criterion)),
    example: examples.has(criterion.id),
    ...(criterion.children !== undefined ? { children: criterionRows(criterion.children, examples) } : {}),
  }));
}

function RubricCard({ rubric, examples }: { rubric: Rubric; examples: ReadonlySet<string> }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={rubric.title} data-testid={`rubric-${rubric.id}`}>
      <Table<CriterionRow>
        size="small"
        pagination={false}
        dataSource={criterionRows(rubric.criteria, examples)}
        expandable={{ defaultExpandAllRows: false }}
        columns={[
          { title: t('builder.criterion'), dataIndex: 'label' },
          {
            title: t('builder.maxScore'),
            dataIndex: 'max',
            width: 140,
            align: 'right',
            render: (max: number, row) => (
              <Space size={4}>
                {row.example && <Tag color="orange">{t('builder.example')}</Tag>}
                {max}
              </Space>
            ),
          },
        ]}
      />
      {(rubric.checks ?? []).length > 0 && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('builder.checks')}：</Typography.Text>
          {(rubric.checks ?? []).map((check) => (
            <Tag key={check.id} color={check.veto === true ? 'red' : 'default'} style={{ marginBottom: 4, whiteSpace: 'normal' }}>
              {check.veto === true ? `${t('builder.veto')} · ` : ''}
              {check.label}
            </Tag>
          ))}
        </div>
      )}
    </Card>
  );
}

/** One example value: its label, a number field, and 确认 (keep it, or take the number typed). */
function ExampleRow({ example, busy, onSet }: { example: ExampleValueView; busy: boolean; onSet(value: number | null): void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | null>(example.value);
  return (
    <Space data-testid={`example-${example.key}`} wrap>
      <span style={{ display: 'inline-block', minWidth: 460 }}>{example.label}</span>
      <InputNumber size="small" value={value} step={example.step ?? 1} min={0} onChange={(next) => setValue(typeof next === 'number' ? next : null)} style={{ width: 110 }} />
      <Button size="small" disabled={busy} onClick={() => onSet(value === example.value ? null : value)}>
        {value === example.value ? t('builder.confirmExample') : t('builder.setExample')}
      </Button>
    </Space>
  );
}

export function InfoTab({ draft, apply, busy }: DraftTabProps) {
  const { t } = useTranslation();
  const info = draft.round.round;
  const examples = new Set(draft.examples.filter((example) => example.kind === 'weight').map((example) => example.key));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Form
          name="round-info"
          layout="inline"
          disabled={busy}
          initialValues={{ id: info.id, title: info.title, organizer: info.organizer ?? '', stage: info.stage ?? '', scoringCloses: info.scoringCloses ?? '', confidential: info.confidential === true }}
          onFinish={(values: { id: string; title: string; organizer: string; stage: string; scoringCloses: string; confidential: boolean }) =>
            // an emptied optional field reaches the core as '', which removes it
            void apply(() =>
              call('builder.setInfo', {
                draftId: draft.draftId,
                info: { id: values.id.trim(), title: values.title.trim(), organizer: values.organizer.trim(), stage: values.stage.trim(), scoringCloses: values.scoringCloses, confidential: values.confidential },
              }),
            )
          }
          style={{ rowGap: 8 }}
        >
          <RoundInfoFields />
          <Button htmlType="submit" type="primary" data-testid="save-info">
            {t('builder.save')}
          </Button>
        </Form>
      </Card>
      {draft.examples.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="example-warning"
          title={t('builder.exampleHint')}
          description={
            <Space direction="vertical" size={4} style={{ width: '100%', marginTop: 4 }}>
              {draft.examples.map((example) => (
                <ExampleRow key={example.key} example={example} busy={busy} onSet={(value) => void apply(() => call('builder.setExample', { draftId: draft.draftId, key: example.key, value }))} />
              ))}
            </Space>
          }
        />
      )}
      {draft.template !== null && draft.template.notes.length > 0 && (
        <Collapse
          size="small"
          items={[
            {
              key: 'notes',
              label: `${t('builder.templateNotes')}${draft.template.title !== null ? ` · ${draft.template.title}` : ''}`,
              children: draft.template.notes.map((note, i) => (
                <Typography.Paragraph key={i} style={{ fontSize: 13 }}>
                  {note}
                </Typography.Paragraph>
              )),
            },
          ]}
        />
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('builder.rubrics')}
      </Typography.Title>
      {draft.round.rubrics.map((rubric) => (
        <RubricCard key={rubric.id} rubric={rubric} examples={examples} />
      ))}
    </Space>
  );
}

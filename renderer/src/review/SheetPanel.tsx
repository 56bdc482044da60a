// The scoring sheet: eligibility checks (veto shown as such), the criteria tree with step-aware
// inputs and guidance, comments where the rubric requires them, the overall opinion, the conflict
// declaration (which locks scoring), the live total, and each problem beside its field.
import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Input, Modal, Popover, Radio, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatExact, Fraction } from '../../../shared/exact';
import type { Criterion, Rubric } from '../../../shared/round/schema';
import { criterionMax, criterionValue, fullMarks, isGroup } from '../../../shared/rubric';
import { fieldMessages, type FieldMessage } from './problem-text';
import { useSheet } from './sheet-store';

function Problem({ message }: { message: FieldMessage | undefined }) {
  const { t } = useTranslation();
  if (message === undefined) return null;
  return (
    <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`problem-${message.field}`}>
      {message.key === '' ? message.text : t(message.key, message.values)}
    </Typography.Text>
  );
}

function CriterionRow({ criterion, depth, messages, disabled, validScores }: { criterion: Criterion; depth: number; messages: Map<string, FieldMessage>; disabled: boolean; validScores: Record<string, number> }) {
  const { t } = useTranslation();
  const update = useSheet((sheet) => sheet.update);
  const text = useSheet((sheet) => sheet.draft.scores[criterion.id] ?? '');
  const comment = useSheet((sheet) => sheet.draft.criterionComments[criterion.id] ?? '');
  const percent = useSheet((sheet) => sheet.rubric?.criterionCommentBelowPercent);
  const commentProblem = messages.get(`criterionComments.${criterion.id}`);
  const showComment = commentProblem !== undefined || comment !== '';
  const guidance = criterion.guidance ? (
    <Popover content={<div style={{ maxWidth: 360, whiteSpace: 'pre-wrap' }}>{criterion.guidance}</div>} title={t('sheet.guidance')}>
      <InfoCircleOutlined style={{ color: '#1677ff', marginInlineStart: 6 }} aria-label={t('sheet.guidance')} />
    </Popover>
  ) : null;
  const commentBox = showComment && (
    <div style={{ marginInlineStart: 16 + depth * 16, marginTop: 4 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        └ {t('sheet.criterionComment', { percent })}
      </Typography.Text>
      <Input.TextArea
        autoSize={{ minRows: 1, maxRows: 4 }}
        value={comment}
        disabled={disabled}
        status={commentProblem ? 'error' : undefined}
        placeholder={t('sheet.criterionCommentPlaceholder')}
        onChange={(event) => update((draft) => ({ ...draft, criterionComments: { ...draft.criterionComments, [criterion.id]: event.target.value } }))}
        data-testid={`criterion-comment-${criterion.id}`}
      />
      <Problem message={commentProblem} />
    </div>
  );

  if (isGroup(criterion)) {
    const subtotal = criterionValue(criterion, validScores);
    return (
      <div style={{ marginTop: 8 }} data-testid={`group-${criterion.id}`}>
        <div style={{ display: 'flex', justifyContent: 'space-between', paddingInlineStart: depth * 16 }}>
          <Typography.Text strong>
            {criterion.label}
            {guidance}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatExact(subtotal)} / {formatExact(criterionMax(criterion))}
          </Typography.Text>
        </div>
        {criterion.children.map((child) => (
          <CriterionRow key={child.id} criterion={child} depth={depth + 1} messages={messages} disabled={disabled} validScores={validScores} />
        ))}
        {commentBox}
      </div>
    );
  }
  const problem = messages.get(`scores.${criterion.id}`);
  return (
    <div style={{ marginTop: 6 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, paddingInlineStart: depth * 16 }}>
        <Typography.Text style={{ flex: 1 }}>
          {criterion.label}
          {guidance}
        </Typography.Text>
        <Input
          style={{ width: 84, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}
          inputMode="decimal"
          value={text}
          disabled={disabled}
          status={problem && text !== '' ? 'error' : undefined}
          aria-label={criterion.label}
          title={t('sheet.stepHint', { max: criterion.max, step: criterion.step })}
          onChange={(event) => update((draft) => ({ ...draft, scores: { ...draft.scores, [criterion.id]: event.target.value } }))}
          data-criterion={criterion.id}
          data-testid={`score-${criterion.id}`}
        />
        <Typography.Text type="secondary" style={{ width: 48, fontVariantNumeric: 'tabular-nums' }}>
          / {criterion.max}
        </Typography.Text>
      </div>
      <div style={{ paddingInlineStart: depth * 16, textAlign: 'right' }}>{text !== '' && <Problem message={problem} />}</div>
      {commentBox}
    </div>
  );
}

function validScoresOf(rubricScores: Record<string, string>, messages: Map<string, FieldMessage>): Record<string, number> {
  const valid: Record<string, number> = {};
  for (const [id, text] of Object.entries(rubricScores)) {
    if (text.trim() !== '' && !messages.has(`scores.${id}`)) valid[id] = Number(text);
  }
  return valid;
}

function ConflictControl({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const conflict = useSheet((sheet) => sheet.draft.conflict);
  const reason = useSheet((sheet) => sheet.draft.conflictReason);
  const update = useSheet((sheet) => sheet.update);
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  if (conflict) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('sheet.conflictDeclared', { reason })}
        action={
          <Button size="small" onClick={() => update((draft) => ({ ...draft, conflict: false }))} data-testid="withdraw-conflict">
            {t('sheet.withdrawConflict')}
          </Button>
        }
        data-testid="conflict-banner"
      />
    );
  }
  return (
    <>
      <Checkbox checked={false} disabled={disabled} onChange={() => { setTyped(reason); setAsking(true); }} data-testid="declare-conflict">
        {t('sheet.conflict')}
      </Checkbox>
      <Modal
        open={asking}
        title={t('sheet.conflict')}
        onCancel={() => setAsking(false)}
        okButtonProps={{ disabled: typed.trim() === '', 'data-testid': 'confirm-conflict' } as React.ComponentProps<typeof Button>}
        onOk={() => {
          update((draft) => ({ ...draft, conflict: true, conflictReason: typed.trim() }));
          setAsking(false);
        }}
      >
        <p>{t('sheet.conflictAsk')}</p>
        <Input.TextArea autoFocus rows={3} value={typed} placeholder={t('sheet.conflictReasonPlaceholder')} onChange={(event) => setTyped(event.target.value)} data-testid="conflict-reason" />
      </Modal>
    </>
  );
}

export function SheetPanel({ rubric, onCheckClick }: { rubric: Rubric; onCheckClick?: (checkLabel: string) => boolean }) {
  const { t } = useTranslation();
  const draft = useSheet((sheet) => sheet.draft);
  const evaluation = useSheet((sheet) => sheet.evaluation);
  const reopenedReason = useSheet((sheet) => sheet.reopenedReason);
  const update = useSheet((sheet) => sheet.update);
  const messages = useMemo(() => fieldMessages(evaluation?.problems ?? []), [evaluation]);
  const validScores = useMemo(() => validScoresOf(draft.scores, messages), [draft.scores, messages]);
  const locked = draft.conflict;
  const max = useMemo(() => formatExact(fullMarks(rubric)), [rubric]);

  return (
    <div style={{ padding: 12 }} data-testid="sheet">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {reopenedReason !== null && <Alert type="error" showIcon title={t('sheet.reopened', { reason: t(`importDialog.reopenReason.${reopenedReason}`, { defaultValue: reopenedReason }) })} />}
        {evaluation?.status === 'ineligible' && <Alert type="warning" showIcon title={t('sheet.ineligible')} data-testid="ineligible-banner" />}
        <ConflictControl disabled={false} />
        <div style={{ opacity: locked ? 0.45 : 1, pointerEvents: locked ? 'none' : 'auto' }} aria-disabled={locked}>
          {(rubric.checks ?? []).length > 0 && (
            <Card size="small" title={t('sheet.checks')} style={{ marginBottom: 12 }}>
              {(rubric.checks ?? []).map((check) => {
                const problem = messages.get(`checks.${check.id}`);
                const value = draft.checks[check.id];
                return (
                  <div key={check.id} style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 4 }}>
                    <span style={{ flex: 1 }}>
                      <Typography.Link onClick={() => onCheckClick?.(check.label)} style={{ color: 'inherit' }} data-testid={`check-label-${check.id}`}>
                        {check.label}
                      </Typography.Link>{' '}
                      {check.veto && <Tag color="orange">{t('sheet.veto')}</Tag>}
                    </span>
                    <Radio.Group
                      size="small"
                      disabled={locked}
                      value={value === undefined ? undefined : value ? 'pass' : 'fail'}
                      onChange={(event) => update((current) => ({ ...current, checks: { ...current.checks, [check.id]: event.target.value === 'pass' } }))}
                      options={[{ label: t('sheet.pass'), value: 'pass' }, { label: t('sheet.fail'), value: 'fail' }]}
                      optionType="button"
                      data-testid={`check-${check.id}`}
                    />
                    {value === undefined && problem && <Problem message={problem} />}
                  </div>
                );
              })}
            </Card>
          )}
          <Card
            size="small"
            title={t('sheet.scoring')}
            extra={
              <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums', fontSize: 16 }} data-testid="sheet-total">
                {t('sheet.total', { total: formatExact(evaluation?.total ?? new Fraction(0)), max })}
              </Typography.Text>
            }
          >
            {rubric.criteria.map((criterion) => (
              <CriterionRow key={criterion.id} criterion={criterion} depth={0} messages={messages} disabled={locked} validScores={validScores} />
            ))}
          </Card>
          <Card size="small" title={<>{t('sheet.comment')} {rubric.commentRequired && <Typography.Text type="danger">{t('sheet.commentRequired')}</Typography.Text>}</>} style={{ marginTop: 12 }}>
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 10 }}
              value={draft.comment}
              disabled={locked}
              status={messages.has('comment') && draft.comment === '' && Object.keys(validScores).length > 0 ? 'error' : undefined}
              placeholder={t('sheet.commentPlaceholder')}
              onChange={(event) => update((current) => ({ ...current, comment: event.target.value }))}
              data-testid="overall-comment"
            />
          </Card>
        </div>
      </Space>
    </div>
  );
}


import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DispatchSuggestion } from '../../../../shared/dispatch/suggestion';

interface Props {
  suggestions: readonly DispatchSuggestion[];
  departmentName: (id: string) => string;
  onAccept: (s: DispatchSuggestion) => void;
}

/** The top leads with the duty entry each came from and why: keywords, 属地 resolution, 市区/county side. */
export function SuggestionList({ suggestions, departmentName, onAccept }: Props): React.JSX.Element {
  const { t } = useTranslation();
  if (suggestions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ticket:transfer.noSuggestions')} />;
  return (
    <List
      size="small"
      className="dispatch-suggestions"
      data-testid="dispatch-suggestions"
      dataSource={[...suggestions]}
      renderItem={(s, i) => {
        const lead = s.reasons.lead;
        const leadText =
          lead.kind === 'district'
            ? t('ticket:transfer.leadDistrict', { district: lead.district })
            : lead.kind === 'town'
              ? t('ticket:transfer.leadTown', { via: lead.via })
              : lead.kind === 'town-fallback'
                ? t('ticket:transfer.leadTownFallback', { district: lead.district })
                : lead.kind === 'unresolved'
                  ? t('ticket:transfer.leadUnresolved', { literal: lead.literal })
                  : t('ticket:transfer.leadNamed');
        return (
          <List.Item
            data-testid={`suggestion-${i + 1}`}
            data-department={s.departmentId ?? ''}
            actions={[
              <Button key="use" size="small" disabled={s.departmentId === null} onClick={() => onAccept(s)} data-testid={`accept-suggestion-${i + 1}`}>
                {t('ticket:transfer.accept')}
              </Button>,
            ]}
          >
            <Space orientation="vertical" size={2}>
              <Typography.Text strong>
                {i + 1}. {s.departmentName}
                <Typography.Text type="secondary"> · {t('ticket:transfer.days', { days: s.duty.timeLimitDays })}</Typography.Text>
              </Typography.Text>
              <Typography.Text type="secondary">
                {s.duty.id} {s.duty.matter}
              </Typography.Text>
              <Space size={4} wrap>
                <Tag color="blue">{leadText}</Tag>
                {s.reasons.scope !== 'any' && <Tag>{t(s.reasons.scope === 'urban' ? 'ticket:transfer.scopeUrban' : 'ticket:transfer.scopeCounty')}</Tag>}
                {s.reasons.districtFromText && <Tag>{t('ticket:transfer.districtFromText', { district: s.reasons.districtFromText })}</Tag>}
                {s.reasons.categoryMatched && <Tag color="green">{t('ticket:transfer.categoryMatched')}</Tag>}
                {s.reasons.learned !== undefined && s.reasons.learned >= 0.05 && <Tag color="purple">{t('ticket:transfer.learned', { share: Math.round(s.reasons.learned * 100) })}</Tag>}
                {s.reasons.keywords.length > 0 && (
                  <Typography.Text type="secondary">
                    {t('ticket:transfer.keywords')}：{s.reasons.keywords.join('、')}
                  </Typography.Text>
                )}
                {s.reasons.terms.length > 0 && (
                  <Typography.Text type="secondary">
                    {t('ticket:transfer.terms')}：{s.reasons.terms.slice(0, 6).join('、')}
                  </Typography.Text>
                )}
              </Space>
              {s.duty.co.length > 0 && (
                <Typography.Text type="secondary">
                  {t('ticket:transfer.co')}：{s.duty.co.map(departmentName).join('、')}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}

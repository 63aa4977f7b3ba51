import { Button, Cascader, Checkbox, Col, Form, Input, Row, Select, Switch } from 'antd';
import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { requestTypes, urgencies } from '../../../../shared/tickets/ticket-choices';
import type { RequestType } from '../../../../shared/tickets/ticket';
import type { registrationFieldSchemas } from '../../../../shared/tickets/registration-form';
import { unreasonableReasons } from '../../../../shared/tickets/unreasonable-reasons';
import { useTicketDraftStore } from '../../stores/ticket-draft-store';
import type { RegistrationValues } from '../../core/draft-mapping';
import { emptyRegistrationValues } from '../../core/draft-mapping';
import { useTicketReference } from '../../core/use-ticket-reference';
import { zodRule } from '../../core/zod-rule';
import { requestTypeKeys, urgencyKeys } from '../../i18n/ticket/keys';

/** Each field's rule (shared/tickets/registration-form.ts, with zod), fetched the first time the form checks a field. */
const fieldSchema =
  (name: keyof typeof registrationFieldSchemas) =>
  async (): Promise<z.ZodType> =>
    (await import('../../../../shared/tickets/registration-form')).registrationFieldSchemas[name];

interface Props {
  form: FormInstance<RegistrationValues>;
  disabled: boolean;
  onChange: () => void;
  onSubmit: (values: RegistrationValues) => void;
}

interface PathOption {
  value: string;
  label: string;
  children?: PathOption[];
}

/** Searching a cascader by any part of its path, e.g. `银雀山` or `兰山 银雀`. */
const searchPath = (input: string, path: PathOption[]): boolean => {
  const label = path.map((o) => o.label).join(' ');
  return input
    .trim()
    .split(/\s+/u)
    .every((part) => label.includes(part));
};

/**
 * 登记: who called, where, what. Every field is reachable with Tab in reading
 * order; the cascaders and selects accept typing to search; Enter in a text
 * box or Ctrl+Enter anywhere registers the ticket.
 */
export function RegistrationForm({ form, disabled, onChange, onSubmit }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { regions, categories } = useTicketReference();
  const requestTypeLabel = (r: RequestType): React.ReactNode =>
    i18n.language === 'zh-CN' ? r : (
      <>
        {t(requestTypeKeys[r])} <span lang="zh-CN">{r}</span>
      </>
    );
  const unreasonable = Form.useWatch('unreasonable', form);
  const storeDescription = useTicketDraftStore((s) => s.description);
  const { descriptionChanged, districtChanged, categoryChanged } = useTicketDraftStore.getState();

  // The knowledge pane appends answers to the shared description: show them in the field and save them.
  useEffect(() => {
    if (form.getFieldValue('description') !== storeDescription) {
      form.setFieldValue('description', storeDescription);
      onChange();
    }
  }, [storeDescription, form, onChange]);

  const locationOptions = useMemo<PathOption[]>(
    () => (regions?.districts ?? []).map((d) => ({ value: d.name, label: d.name, children: d.towns.map((town) => ({ value: town.name, label: town.name })) })),
    [regions],
  );
  const categoryOptions = useMemo<PathOption[]>(
    () => categories.map((c) => ({ value: c.name, label: c.name, children: c.children.map((child) => ({ value: child, label: child })) })),
    [categories],
  );

  return (
    <Form<RegistrationValues>
      form={form}
      layout="vertical"
      size="small"
      disabled={disabled}
      initialValues={emptyRegistrationValues}
      onValuesChange={(changed: Partial<RegistrationValues>) => {
        if (changed.description !== undefined) descriptionChanged(changed.description);
        if (changed.location !== undefined) districtChanged(changed.location[0] ?? null);
        if (changed.category !== undefined) {
          const [top, sub] = changed.category;
          categoryChanged(top && sub ? [top, sub] : null);
        }
        onChange();
      }}
      onFinish={onSubmit}
      data-ticket-section="registration"
      data-testid="registration-form"
      className="ticket-form"
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="callerName" label={t('ticket:fields.callerName')} rules={[zodRule(fieldSchema('callerName'), t)]} validateTrigger="onBlur">
            <Input placeholder={t('ticket:placeholders.callerName')} data-first-field autoComplete="off" data-testid="field-callerName" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="callerNumber" label={t('ticket:fields.callerNumber')} rules={[zodRule(fieldSchema('callerNumber'), t)]} validateTrigger="onBlur">
            <Input placeholder={t('ticket:placeholders.callerNumber')} inputMode="tel" autoComplete="off" data-testid="field-callerNumber" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="location" label={t('ticket:fields.location')}>
            <Cascader<PathOption>
              options={locationOptions}
              changeOnSelect
              // A clear button would sit in the tab order between this field and the next.
              allowClear={false}
              showSearch={{ filter: searchPath }}
              placeholder={t('ticket:placeholders.location')}
              data-testid="field-location"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="address" label={t('ticket:fields.address')} rules={[zodRule(fieldSchema('address'), t)]}>
            <Input placeholder={t('ticket:placeholders.address')} autoComplete="off" data-testid="field-address" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="requestType" label={t('ticket:fields.requestType')} rules={[zodRule(fieldSchema('requestType'), t)]}>
            {/* Typed by its Chinese name in either language (the centre's term, searched by value); English shows both. */}
            <Select showSearch={{ optionFilterProp: 'value' }} options={requestTypes.map((r) => ({ value: r, label: requestTypeLabel(r) }))} data-testid="field-requestType" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="category" label={t('ticket:fields.category')} rules={[zodRule(fieldSchema('category'), t)]}>
            <Cascader<PathOption> options={categoryOptions} allowClear={false} showSearch={{ filter: searchPath }} placeholder={t('ticket:placeholders.category')} data-testid="field-category" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="description" label={t('ticket:fields.description')} rules={[zodRule(fieldSchema('description'), t)]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} count={{ show: true, max: 2000 }} placeholder={t('ticket:placeholders.description')} data-testid="field-description" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="urgency" label={t('ticket:fields.urgency')} rules={[zodRule(fieldSchema('urgency'), t)]}>
            <Select options={urgencies.map((u) => ({ value: u, label: t(urgencyKeys[u]) }))} data-testid="field-urgency" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="confidential" label={t('ticket:fields.confidential')} valuePropName="checked" tooltip={t('ticket:fields.confidentialHint')}>
            <Switch data-testid="field-confidential" />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="unreasonable" label={t('ticket:fields.unreasonable')} valuePropName="checked">
            <Switch data-testid="field-unreasonable" />
          </Form.Item>
        </Col>
        {unreasonable && (
          <Col span={24}>
            <Form.Item name="unreasonableReason" label={t('ticket:fields.unreasonableReason')} rules={[zodRule(fieldSchema('unreasonableReason'), t)]}>
              <Select showSearch options={unreasonableReasons.map((r) => ({ value: r, label: r }))} data-testid="field-unreasonableReason" />
            </Form.Item>
          </Col>
        )}
        <Col span={24}>
          <Form.Item name="relatedTicketId" label={t('ticket:fields.relatedTicketId')} rules={[zodRule(fieldSchema('relatedTicketId'), t)]} validateTrigger="onBlur">
            <Input placeholder={t('ticket:placeholders.relatedTicketId')} autoComplete="off" data-testid="field-relatedTicketId" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" data-testid="register-ticket">
        {t('ticket:register')}
      </Button>
    </Form>
  );
}

export function TraineeToggle({ checked, onChange }: { checked: boolean; onChange: (v: boolean) => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Checkbox
      checked={checked}
      onChange={(e) => {
        onChange(e.target.checked);
      }}
      data-testid="trainee-toggle"
    >
      {t('ticket:fields.trainee')}
    </Checkbox>
  );
}

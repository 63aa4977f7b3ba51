import { Button, Form, Input, Modal, Space } from 'antd';
import type { InputRef } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsSchema } from '../../../../shared/settings';
import { useSettingsStore } from '../../stores/settings-store';
import { zodRule } from '../../core/zod-rule';
import { deskErrorText, issueText } from '../../i18n/error-text';
import { useNotices } from '../../core/notices';
import { SemanticModelState } from './SemanticModelState';
import { useSemanticModelStore } from './semantic-model-store';

const folderSchema = settingsSchema.shape.semanticModelPath;

/**
 * The optional semantic model's folder (a desk setting, set once by the centre's engineers) and its state:
 * loading, computing the article vectors with progress, in use, or refused with the reason. Saving loads the
 * model in the background; search stays lexical until its vectors are ready.
 */
export default function SemanticModelDialog(): React.JSX.Element {
  const { t } = useTranslation();
  const message = useNotices();
  const open = useSemanticModelStore((s) => s.dialogOpen);
  const { dialogOpened } = useSemanticModelStore.getState();
  const [form] = Form.useForm<{ folder: string }>();
  const folderInput = useRef<InputRef>(null);

  const save = async (folder: string): Promise<void> => {
    const store = useSettingsStore.getState();
    if (await store.update({ semanticModelPath: folder })) {
      message.success(folder ? t('knowledge:semantic.saved') : t('knowledge:semantic.turnedOff'));
      if (!folder) form.setFieldValue('folder', '');
      return;
    }
    const failure = useSettingsStore.getState().lastError;
    const issue = failure?.issues?.find((i) => i.path === 'semanticModelPath');
    form.setFields([{ name: 'folder', errors: [issue ? issueText(t, issue) : failure ? deskErrorText(t, failure) : t('errors:INTERNAL')] }]);
  };

  return (
    <Modal
      open={open}
      title={t('knowledge:semantic.title')}
      footer={null}
      width={520}
      destroyOnHidden
      onCancel={() => dialogOpened(false)}
      afterOpenChange={(opened) => {
        // Unless the operator is already typing in it (the dialog opens with an animation).
        if (opened && document.activeElement !== folderInput.current?.input) folderInput.current?.focus();
      }}
    >
      <p>{t('knowledge:semantic.intro')}</p>
      <Form<{ folder: string }>
        form={form}
        layout="vertical"
        requiredMark={false}
        preserve={false}
        initialValues={{ folder: useSettingsStore.getState().settings.semanticModelPath }}
        onFinish={(values) => void save(values.folder.trim())}
        data-testid="semantic-model-form"
      >
        <Form.Item name="folder" label={t('knowledge:semantic.folder')} extra={t('knowledge:semantic.folderHint')} rules={[zodRule(folderSchema, t)]}>
          <Input ref={folderInput} autoComplete="off" spellCheck={false} data-testid="semantic-model-folder" />
        </Form.Item>
        <p className="kb-semantic-state" data-testid="semantic-model-state" aria-live="polite">
          <SemanticModelState />
        </p>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="semantic-model-save">
            {t('knowledge:semantic.save')}
          </Button>
          <Button onClick={() => void save('')} data-testid="semantic-model-off">
            {t('knowledge:semantic.turnOff')}
          </Button>
          <Button onClick={() => dialogOpened(false)}>{t('knowledge:semantic.close')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

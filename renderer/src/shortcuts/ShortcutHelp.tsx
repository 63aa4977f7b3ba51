import { Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSettingsStore } from '../stores/settings-store';
import { useWorkbenchStore } from '../stores/workbench-store';
import { displayKeys, keysFor, panelShortcutActions, shortcutActions } from './actions';
import { shortcutActionKeys, shortcutGroupKeys } from '../i18n/common/keys';

const isMac = navigator.userAgent.includes('Mac');

/** F1 or `?`: every action and its keys, as remapped by this operator. */
export function ShortcutHelp(): React.JSX.Element {
  const { t } = useTranslation();
  const open = useWorkbenchStore((s) => s.helpOpen);
  const toggled = useWorkbenchStore((s) => s.helpToggled);
  const overrides = useSettingsStore((s) => s.settings.shortcuts);
  const rows = [...shortcutActions, ...panelShortcutActions].map((action) => ({
    key: action.id,
    group: t(shortcutGroupKeys[action.group]),
    action: t(shortcutActionKeys[action.id]),
    keys: keysFor(action, overrides).map((combo) => displayKeys(combo, isMac)),
  }));
  return (
    <Modal
      open={open}
      title={t('common:shortcuts.title')}
      footer={null}
      onCancel={() => {
        toggled(false);
      }}
      width={640}
      rootClassName="shortcut-help"
    >
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '', dataIndex: 'group', width: 90 },
          { title: t('common:shortcuts.action'), dataIndex: 'action' },
          {
            title: t('common:shortcuts.key'),
            dataIndex: 'keys',
            width: 200,
            render: (keys: string[]) => keys.map((k) => <Typography.Text keyboard key={k}>{k}</Typography.Text>),
          },
        ]}
      />
    </Modal>
  );
}

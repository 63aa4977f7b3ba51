import { Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { displayKeys, keysFor } from '../../shortcuts/actions';
import { useSettingsStore } from '../../stores/settings-store';
import { boardShortcuts } from './board-shortcuts';
import { useBoardUi } from './board-ui';
import { boardShortcutKeys } from '../../i18n/board/keys';

const isMac = navigator.userAgent.includes('Mac');

/** F1 or `?` on the board: every board action and its keys, as remapped by this user. */
export function BoardHelp(): React.JSX.Element {
  const { t } = useTranslation();
  const open = useBoardUi((s) => s.helpOpen);
  const toggled = useBoardUi((s) => s.helpToggled);
  const overrides = useSettingsStore((s) => s.settings.shortcuts);
  const rows = boardShortcuts.map((action) => ({
    key: action.id,
    action: t(boardShortcutKeys[action.id]),
    keys: keysFor(action, overrides).map((combo) => displayKeys(combo, isMac)),
  }));
  return (
    <Modal
      open={open}
      title={t('board:help.title')}
      footer={null}
      onCancel={() => {
        toggled(false);
      }}
      width={560}
    >
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('common:shortcuts.action'), dataIndex: 'action' },
          {
            title: t('common:shortcuts.key'),
            dataIndex: 'keys',
            width: 200,
            render: (keys: string[]) =>
              keys.map((k) => (
                <Typography.Text keyboard key={k}>
                  {k}
                </Typography.Text>
              )),
          },
        ]}
      />
    </Modal>
  );
}

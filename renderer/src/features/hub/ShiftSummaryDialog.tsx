import { Button, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHubStore } from '../../core/hub-store';
import { ShiftSummaryPanel } from './ShiftSummaryView';

/** 班次小结 at any time of the shift (Alt+Shift+Q); from here, Alt+Q or the button goes on to sign out. */
export function ShiftSummaryDialog(): React.JSX.Element {
  const { t } = useTranslation();
  const open = useHubStore((s) => s.dialog === 'summary');
  const signedIn = useHubStore((s) => s.session !== null);
  const { dialogOpened } = useHubStore.getState();
  const close = (): void => {
    dialogOpened('none');
  };
  return (
    <Modal
      open={open}
      title={t('hub:shiftSummary.title')}
      width={640}
      destroyOnHidden
      onCancel={close}
      footer={
        <Space>
          {signedIn && (
            <Button
              onClick={() => {
                dialogOpened('signOut');
              }}
              data-testid="shift-summary-sign-out"
            >
              {t('hub:shiftSummary.signOut')}
            </Button>
          )}
          <Button type="primary" onClick={close} autoFocus data-testid="shift-summary-close">
            {t('hub:shiftSummary.close')}
          </Button>
        </Space>
      }
    >
      <ShiftSummaryPanel active={open} />
    </Modal>
  );
}

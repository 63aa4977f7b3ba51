import { Button, Input, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryHit } from '../../../../shared/dispatch/directory';
import { desk } from '../../desk/desk';
import { directoryKindKeys } from '../../i18n/phone/keys';
import { useDispatchLeadStore } from '../../core/dispatch-lead-store';
import { phoneEngine } from './phone-engine';
import { usePhoneUiStore } from './phone-ui-store';

const LIST_LIMIT = 30;

/**
 * Blind or attended transfer from the centre's transfer directory (replicated
 * from the hub): typed by name, pinyin or initials, the ticket's lead
 * department first. ↑/↓ pick a row, Enter transfers at once, Shift+Enter
 * consults first; a typed number that matches no row is dialled as it is.
 */
export function TransferDialog(): React.JSX.Element {
  const open = usePhoneUiStore((s) => s.dialog === 'transfer');
  return open ? <TransferDirectoryDialog /> : <></>;
}

function TransferDirectoryDialog(): React.JSX.Element {
  const { t } = useTranslation();
  const setDialog = usePhoneUiStore((s) => s.dialogOpened);
  const leadDepartmentId = useDispatchLeadStore((s) => s.leadDepartmentId);
  const [text, setText] = useState('');
  const [hits, setHits] = useState<DirectoryHit[]>([]);
  const [selected, setSelected] = useState(0);

  useEffect(() => {
    let live = true;
    void desk.searchDirectory({ text, leadDepartmentId, limit: LIST_LIMIT }).then((result) => {
      if (!live) return;
      setHits(result.ok ? result.value : []);
      setSelected(0);
    });
    return () => {
      live = false;
    };
  }, [text, leadDepartmentId]);

  const close = (): void => {
    setDialog('none');
  };
  /** The picked row's number, or what was typed when nothing in the directory matches it. */
  const target = (): string => hits[selected]?.number ?? text;
  const blind = (): void => {
    void phoneEngine.blindTransfer(target()).then((done) => {
      if (done) close();
    });
  };
  const consult = (): void => {
    void phoneEngine.startConsultation(target()).then((started) => {
      if (started) close();
    });
  };

  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setSelected((i) => (hits.length ? (i + step + hits.length) % hits.length : 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (event.shiftKey) consult();
      else blind();
    }
  };

  return (
    <Modal open title={t('phone:transferTitle')} footer={null} onCancel={close} width={640}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input
          autoFocus
          value={text}
          placeholder={t('phone:transferPlaceholder')}
          data-testid="transfer-target"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls="transfer-directory"
          aria-activedescendant={hits[selected] ? `directory-${hits[selected].id}` : undefined}
          onChange={(e) => {
            setText(e.target.value);
          }}
          onKeyDown={onKeyDown}
        />
        <div
          id="transfer-directory"
          role="listbox"
          aria-label={t('phone:directory.label')}
          data-testid="transfer-directory"
          style={{ maxHeight: 320, overflowY: 'auto' }}
        >
          {hits.length === 0 ? (
            <Typography.Text type="secondary">{t('phone:directory.empty')}</Typography.Text>
          ) : (
            hits.map((hit, index) => (
              <div
                key={hit.id}
                id={`directory-${hit.id}`}
                role="option"
                aria-selected={index === selected}
                data-testid={`directory-${hit.id}`}
                onMouseEnter={() => {
                  setSelected(index);
                }}
                onDoubleClick={blind}
                style={{
                  display: 'flex',
                  gap: 8,
                  alignItems: 'baseline',
                  padding: '4px 8px',
                  cursor: 'pointer',
                  background: index === selected ? 'var(--ant-control-item-bg-active, rgba(22, 119, 255, 0.12))' : undefined,
                }}
              >
                <Tag>{t(directoryKindKeys[hit.kind])}</Tag>
                <span lang="zh-CN" style={{ flex: 1 }}>
                  {hit.kind === 'department' ? hit.departmentName : `${hit.name} · ${hit.departmentName}`}
                  {hit.topic && <Typography.Text type="secondary"> — {hit.topic}</Typography.Text>}
                </span>
                {hit.lead && <Tag color="blue">{t('phone:directory.lead')}</Tag>}
                <Typography.Text code>{hit.number}</Typography.Text>
              </div>
            ))
          )}
        </div>
        <Typography.Text type="secondary">{t('phone:transferHint')}</Typography.Text>
        <Space>
          <Button type="primary" data-testid="blind-transfer" onClick={blind}>
            {t('phone:actions.blindTransfer')} (Enter)
          </Button>
          <Button data-testid="consult-transfer" onClick={consult}>
            {t('phone:actions.consult')} (Shift+Enter)
          </Button>
        </Space>
      </Space>
    </Modal>
  );
}

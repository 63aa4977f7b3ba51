import { Badge } from 'antd';
import type { MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { acwSecondsLeft } from '../../../shared/phone/agent-state';
import { breakReasonCodes } from '../../../shared/phone/break-reasons';
import { phoneEngine, registrationColors, usePhoneStore } from '../features/phone';
import { DropdownOnDemand } from '../core/DropdownOnDemand';
import { useNow } from '../core/use-now';
import { agentStateKeys, breakReasonKeys, breakReasonText } from '../i18n/common/keys';
import { registrationKeys } from '../i18n/phone/keys';

/** Registration in words (已注册 / 正在重连 / 注册失败), never a colour alone, and the agent state with the ACW countdown. */
export function PhoneStatus(): React.JSX.Element {
  const { t } = useTranslation();
  const registration = usePhoneStore((s) => s.registration);
  const agent = usePhoneStore((s) => s.agent);
  const now = useNow();
  const left = acwSecondsLeft(agent, now);
  const menu: MenuProps = {
    items: [
      { key: 'ready', label: t('common:status.agentStates.ready') },
      // The reason is stored and reported as its code; each language words it (the board's limits follow the code).
      ...breakReasonCodes.map((code) => ({ key: `break:${code}`, label: t('common:status.withReason', { state: t('common:status.agentStates.break'), reason: t(breakReasonKeys[code]) }) })),
      { key: 'training', label: t('common:status.agentStates.training') },
      { key: 'sign_out', label: t('common:status.agentStates.signedOut') },
    ],
    onClick: ({ key }) => {
      if (key.startsWith('break:')) phoneEngine.setAgentState({ type: 'break', reason: key.slice('break:'.length) });
      else if (key === 'ready') phoneEngine.setAgentState(agent.state === 'signed_out' ? { type: 'sign_in' } : { type: 'ready' });
      else if (key === 'training') phoneEngine.setAgentState({ type: 'training' });
      else phoneEngine.setAgentState({ type: 'sign_out' });
    },
  };
  // One item of the status bar: the agent state and the phone's registration, spaced apart so their labels do not run together.
  return (
    <span className="phone-status">
      <DropdownOnDemand menu={menu} disabled={agent.state === 'on_call'}>
        <span data-testid="agent-state" data-state={agent.state} style={{ cursor: 'pointer' }}>
          {t('common:status.agent')}:{' '}
          <Badge
            status={agent.state === 'ready' ? 'success' : agent.state === 'signed_out' ? 'default' : 'processing'}
            text={`${agent.reason ? t('common:status.withReason', { state: t(agentStateKeys[agent.state]), reason: breakReasonText(t, agent.reason) }) : t(agentStateKeys[agent.state])}${left > 0 ? ` ${t('common:status.acwLeft', { seconds: left })}` : ''}`}
          />
        </span>
      </DropdownOnDemand>
      <span data-testid="phone-registration" data-status={registration}>
        {t('common:status.phone')}: <Badge status={registrationColors[registration]} text={t(registrationKeys[registration])} />
      </span>
    </span>
  );
}

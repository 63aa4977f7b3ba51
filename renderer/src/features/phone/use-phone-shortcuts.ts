import type { BreakReasonCode } from '../../../../shared/phone/break-reasons';
import type { ActionHandlers } from '../../shortcuts/use-shortcuts';
import { phoneEngine } from './phone-engine';
import { usePhoneStore } from './phone-store';
import { usePhoneUiStore } from './phone-ui-store';

type PhoneActionId = Extract<keyof ActionHandlers, `phone.${string}` | `agent.${string}`>;

/** What the phone's shortcuts do (bound with every other action in the workbench's shortcut hook). */
export function phoneShortcutHandlers(): Record<PhoneActionId, () => void> {
  const hasLiveCall = (): boolean => Object.values(usePhoneStore.getState().calls).some((c) => c.phase === 'active' || c.phase === 'held');
  const open = usePhoneUiStore.getState().dialogOpened;
  return {
    'phone.answer': () => void phoneEngine.answer(),
    'phone.hangup': () => void phoneEngine.hangupAll(),
    'phone.hold': () => void phoneEngine.toggleHold(),
    'phone.mute': () => {
      phoneEngine.toggleMute();
    },
    'phone.transfer': () => {
      if (hasLiveCall()) open('transfer');
    },
    'phone.completeTransfer': () => void phoneEngine.completeConsultation(),
    'phone.cancelTransfer': () => void phoneEngine.cancelConsultation(),
    'phone.keypad': () => {
      if (hasLiveCall()) open('keypad');
    },
    'phone.dial': () => {
      usePhoneUiStore.getState().dialFocusRequested();
    },
    'phone.selfCheck': () => {
      open('selfCheck');
    },
    'phone.settings': () => {
      open('settings');
    },
    'phone.requestHelp': () => {
      usePhoneStore.getState().helpToggled();
    },
    // The operator's own states; on a call the state stays on_call (the engine ignores them).
    'agent.ready': () => {
      phoneEngine.setAgentState(usePhoneStore.getState().agent.state === 'signed_out' ? { type: 'sign_in' } : { type: 'ready' });
    },
    'agent.breakRest': () => {
      phoneEngine.setAgentState({ type: 'break', reason: 'rest' satisfies BreakReasonCode });
    },
    'agent.breakMeal': () => {
      phoneEngine.setAgentState({ type: 'break', reason: 'meal' satisfies BreakReasonCode });
    },
    'agent.breakMeeting': () => {
      phoneEngine.setAgentState({ type: 'break', reason: 'meeting' satisfies BreakReasonCode });
    },
    'agent.training': () => {
      phoneEngine.setAgentState({ type: 'training' });
    },
    'agent.signOut': () => {
      phoneEngine.setAgentState({ type: 'sign_out' });
    },
    'agent.extendAfterCallWork': () => {
      phoneEngine.extendAfterCallWork();
    },
  };
}

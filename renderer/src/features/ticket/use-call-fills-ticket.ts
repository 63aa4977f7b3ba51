import type { FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { parsePhoneNumber } from '../../../../shared/phone/phone-number';
import type { TicketCall } from '../../stores/ticket-draft-store';
import { useTicketDraftStore } from '../../stores/ticket-draft-store';
import type { RegistrationValues } from '../../core/draft-mapping';
import { useTicketSessionStore } from '../../core/ticket-session-store';

/**
 * An answered call fills the caller's number and the call time of a ticket not
 * yet started (both stay editable), once per call.
 *
 * It listens to the store instead of selecting the call in render: the call
 * is answered while its media is being set up, and re-rendering the whole
 * ticket area (registration, transfer and callback forms) at that moment made
 * every answer about 45 ms slower to reach audio. Setting one field re-renders
 * that field only. Once per call: re-subscribing never refills a number the
 * operator has cleared.
 */
export function useCallFillsTicket(form: FormInstance<RegistrationValues>, callTimeChanged: (calledAt: string) => void): void {
  const filledFor = useRef<string | null>(null);

  useEffect(() => {
    const fill = (call: TicketCall | null): void => {
      if (!call || filledFor.current === call.callId) return;
      filledFor.current = call.callId;
      if (useTicketSessionStore.getState().ticket) return;
      // An internal extension or a withheld number is not a caller's number: leave the field for the operator.
      if (form.getFieldValue('callerNumber') || !parsePhoneNumber(call.number).ok) return;
      form.setFieldValue('callerNumber', call.number);
      callTimeChanged(call.startedAt);
    };
    fill(useTicketDraftStore.getState().call);
    return useTicketDraftStore.subscribe((state) => {
      fill(state.call);
    });
  }, [form, callTimeChanged]);
}

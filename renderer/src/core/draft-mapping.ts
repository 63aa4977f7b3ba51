import type { TicketDraft } from '../../../shared/tickets/ticket-record';
import type { TicketRegistration } from '../../../shared/tickets/ticket';
import type { z } from 'zod';
import type { ticketRegistrationFormSchema } from '../../../shared/tickets/registration-form';

/** The registration form's values as antd holds them. */
export interface RegistrationValues {
  callerName: string;
  callerNumber: string;
  /** Cascader path: [district] or [district, town]; empty for a city-wide request. */
  location: string[];
  address: string;
  requestType: string | undefined;
  category: string[];
  description: string;
  urgency: string;
  confidential: boolean;
  unreasonable: boolean;
  unreasonableReason: string | undefined;
  relatedTicketId: string;
}

export interface DraftMeta {
  id: string;
  calledAt: string;
  linkedArticleIds: readonly string[];
}

export const emptyRegistrationValues: RegistrationValues = {
  callerName: '',
  callerNumber: '',
  location: [],
  address: '',
  requestType: undefined,
  category: [],
  description: '',
  urgency: 'normal',
  confidential: false,
  unreasonable: false,
  unreasonableReason: undefined,
  relatedTicketId: '',
};

export function valuesToDraft(values: Partial<RegistrationValues>, meta: DraftMeta): TicketDraft {
  const v = { ...emptyRegistrationValues, ...values };
  return {
    id: meta.id,
    callerName: v.callerName,
    callerNumber: v.callerNumber,
    district: v.location[0] ?? null,
    town: v.location[1] ?? null,
    address: v.address,
    requestType: v.requestType ?? null,
    category: v.category.slice(0, 2),
    description: v.description,
    urgency: v.urgency,
    confidential: v.confidential,
    unreasonable: v.unreasonable,
    unreasonableReason: v.unreasonableReason ?? null,
    relatedTicketId: v.relatedTicketId,
    linkedArticleIds: [...meta.linkedArticleIds],
    calledAt: meta.calledAt,
  };
}

export function draftToValues(draft: TicketDraft): RegistrationValues {
  return {
    callerName: draft.callerName,
    callerNumber: draft.callerNumber,
    location: [draft.district, draft.town].filter((x): x is string => x !== null),
    address: draft.address,
    requestType: draft.requestType ?? undefined,
    category: draft.category,
    description: draft.description,
    urgency: draft.urgency,
    confidential: draft.confidential,
    unreasonable: draft.unreasonable,
    unreasonableReason: draft.unreasonableReason ?? undefined,
    relatedTicketId: draft.relatedTicketId,
  };
}

/** A registered ticket's fields back in the form (a ticket picked up again, shown read-only). */
export function registrationToValues(reg: TicketRegistration): RegistrationValues {
  return {
    callerName: reg.callerName,
    callerNumber: reg.callerNumber,
    location: [reg.location.district, reg.location.town].filter((x): x is string => x !== null),
    address: reg.location.address,
    requestType: reg.requestType,
    category: [...reg.category],
    description: reg.description,
    urgency: reg.urgency,
    confidential: reg.confidential,
    unreasonable: reg.unreasonableReason !== null,
    unreasonableReason: reg.unreasonableReason ?? undefined,
    relatedTicketId: reg.relatedTicketId ?? '',
  };
}

type RegistrationInput = z.input<typeof ticketRegistrationFormSchema>;

/**
 * The registration as the DeskApi takes it. The form has checked each field;
 * the services validate the whole again with the shared schema, so the casts
 * below only name what the form guarantees.
 */
export function valuesToRegistration(values: RegistrationValues, meta: DraftMeta): RegistrationInput {
  return {
    id: meta.id,
    callerName: values.callerName,
    callerNumber: values.callerNumber,
    location: { district: values.location[0] ?? null, town: values.location[1] ?? null, address: values.address },
    requestType: values.requestType as RegistrationInput['requestType'],
    category: values.category as RegistrationInput['category'],
    description: values.description,
    urgency: values.urgency as RegistrationInput['urgency'],
    confidential: values.confidential,
    unreasonableReason: values.unreasonable ? ((values.unreasonableReason ?? '') as RegistrationInput['unreasonableReason']) : null,
    relatedTicketId: values.relatedTicketId.trim() || null,
    calledAt: meta.calledAt,
  };
}

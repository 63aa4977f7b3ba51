import { Button, Form, Space, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { issueText } from '../../i18n/error-text';
import type { DispatchQuery } from '../../../../shared/dispatch/suggestion';
import { isTicketNumber } from '../../../../shared/tickets/ticket-reference';
import { useDeskErrorText } from '../../core/use-desk-error-text';
import { desk } from '../../desk/desk';
import { useTicketDraftStore } from '../../stores/ticket-draft-store';
import { AnswerForm } from './AnswerForm';
import { CallbackForm } from './CallbackForm';
import type { RegistrationValues } from '../../core/draft-mapping';
import { registrationToValues, valuesToRegistration } from '../../core/draft-mapping';
import { RegistrationForm, TraineeToggle } from './RegistrationForm';
import type { DispositionTab } from '../../core/ticket-session-store';
import { focusSection, ticketFormsMounted, useTicketSessionStore } from '../../core/ticket-session-store';
import type { Confirmation } from './TicketConfirmation';
import { TicketConfirmation } from './TicketConfirmation';
import { TransferForm } from './TransferForm';
import { useCallFillsTicket } from './use-call-fills-ticket';
import { useLinkFillsTicket } from '../caller';
import { useDraftAutosave } from '../../core/use-draft-autosave';
import { useTicketCounter, useTicketRequest } from './use-ticket-request';
import { fieldOfIssue } from '../../core/zod-rule';
import { isPractising, submitPractice, usePracticeForm } from '../training';
import { useNotices } from '../../core/notices';
import { Panel } from '../../core/Panel';

/**
 * Where a call becomes a ticket: register it (autosaved draft), then transfer
 * it with the dispatch suggestions or close it as answered directly; callbacks
 * below. Keyboard: Tab through each section, Alt+R/T/A/C to jump, Ctrl+Enter
 * (or Enter in a text box) to save, Alt+S to take the first suggestion.
 */
export function TicketArea(): React.JSX.Element {
  const { t } = useTranslation();
  const message = useNotices();
  const errorText = useDeskErrorText();
  const [form] = Form.useForm<RegistrationValues>();
  const ticket = useTicketSessionStore((s) => s.ticket);
  const trainee = useTicketSessionStore((s) => s.trainee);
  const tab = useTicketSessionStore((s) => s.tab);
  const { ticketRegistered, ticketFinished, traineeToggled, tabChosen, draftStatusChanged } = useTicketSessionStore.getState();
  const [result, setResult] = useState<Confirmation | null>(null);
  const [finished, setFinished] = useState(0);

  const onRestored = useCallback(() => message.info(t('ticket:draft.restored')), [message, t]);
  const autosave = useDraftAutosave(form, onRestored);
  const { meta, scheduleSave, cancel, restart, callTimeChanged, flush, reload } = autosave;
  // A practice call (实训) borrows the form: its answers are scored, never saved as the draft.
  usePracticeForm(form, autosave);
  // A registered ticket shown in the form (just registered, or picked up again) is no draft: nothing to save.
  const saveDraft = useCallback(() => {
    if (!isPractising() && !useTicketSessionStore.getState().ticket) scheduleSave();
  }, [scheduleSave]);

  useCallFillsTicket(form, callTimeChanged);
  useLinkFillsTicket(form, saveDraft);

  const description = Form.useWatch<string | undefined>('description', form) ?? '';
  const location = Form.useWatch<string[] | undefined>('location', form) ?? [];
  const category = Form.useWatch<string[] | undefined>('category', form) ?? [];
  const address = Form.useWatch<string | undefined>('address', form) ?? '';
  const requestType = Form.useWatch<string | undefined>('requestType', form);
  const [top, sub] = category;
  const query: DispatchQuery = {
    text: description.slice(0, 20_000),
    district: location[0] ?? null,
    town: location[1] ?? null,
    address: address.slice(0, 200),
    requestType: requestType ?? null,
    category: top && sub ? [top, sub] : null,
  };

  // A ticket picked up from the handover list borrowed the form: the draft typed before comes back after it.
  const resumeDraft = useRef(false);
  const startNewTicket = useCallback(
    (text: Confirmation | null) => {
      restart();
      form.resetFields();
      useTicketDraftStore.getState().cleared();
      ticketFinished();
      draftStatusChanged({ kind: 'idle' });
      setResult(text);
      setFinished((n) => n + 1);
      if (resumeDraft.current) {
        resumeDraft.current = false;
        void reload();
      }
    },
    [restart, form, ticketFinished, draftStatusChanged, reload],
  );

  useEffect(
    () =>
      useTicketSessionStore.subscribe((state, previous) => {
        const request = state.openRequest;
        if (!request || request === previous.openRequest) return;
        // The draft being typed is saved first; the picked-up ticket is shown read-only, ready to transfer or answer.
        void flush().then(() => {
          resumeDraft.current = true;
          const reg = request.ticket.registration;
          ticketRegistered(request.ticket);
          form.setFieldsValue(registrationToValues(reg));
          const shared = useTicketDraftStore.getState();
          shared.descriptionChanged(reg.description);
          shared.districtChanged(reg.location.district);
          shared.categoryChanged([reg.category[0], reg.category[1]]);
          setResult(null);
          window.setTimeout(() => {
            focusSection(useTicketSessionStore.getState().tab);
          }, 50);
        });
      }),
    [flush, form, ticketRegistered],
  );

  const register = async (typed: RegistrationValues): Promise<void> => {
    if (isPractising()) {
      await submitPractice(typed, (kind, text) => {
        message[kind](text);
      });
      return;
    }
    const values = await withRelatedTicketResolved(typed);
    if (!values) return;
    // The service clears the draft with the registration; a save still pending must not bring it back.
    cancel();
    const saved = await desk.registerTicket({ registration: valuesToRegistration(values, meta.current), trainee });
    if (!saved.ok) {
      const issues = saved.error.issues ?? [];
      form.setFields(issues.map((i) => ({ name: fieldOfIssue(i.path, 'registration') ?? 'description', errors: [issueText(t, i)] })) as never);
      message.error(t('ticket:failed', { reason: errorText(saved.error) }));
      return;
    }
    ticketRegistered(saved.value);
    linkToCall(saved.value.id);
    draftStatusChanged({ kind: 'idle' });
    setResult({ ticketId: saved.value.id, text: t('ticket:registered'), next: t('ticket:confirm.nextRegistered') });
    // The next action starts in the disposition the operator last used (transfer or direct answer).
    window.setTimeout(() => {
      focusSection(useTicketSessionStore.getState().tab);
    }, 50);
  };

  /** 关联工单 typed as a ticket number: the ticket it names (this desk's copy, else the hub's); null when not found. */
  const withRelatedTicketResolved = async (values: RegistrationValues): Promise<RegistrationValues | null> => {
    const number = values.relatedTicketId.trim();
    if (!isTicketNumber(number)) return values;
    const resolved = await desk.resolveTicketNumber({ number });
    if (resolved.ok) return { ...values, relatedTicketId: resolved.value.id };
    const text = resolved.error.code === 'NOT_FOUND' ? t('ticket:validation.relatedNotFound', { number }) : errorText(resolved.error);
    form.setFields([{ name: 'relatedTicketId', errors: [text] }]);
    return null;
  };

  useTicketRequest('focusRequest', null, (section) => {
    // Sections shown now take the focus at once (the operator types straight on); after a tab switch
    // the pane renders first, so try again on the next tick.
    focusSection(section);
    window.setTimeout(() => {
      if (!document.activeElement?.closest(`[data-ticket-section="${section}"]`)) focusSection(section);
    }, 50);
  });

  useTicketRequest('submitRequest', 'registration', () => {
    if (!useTicketSessionStore.getState().ticket) form.submit();
  });

  useTicketCounter('newTicketRequest', () => {
    // During a practice call only the practice answers are cleared: the operator's saved draft stays.
    void (isPractising() ? Promise.resolve() : desk.clearTicketDraft()).then(() => {
      startNewTicket(null);
      focusSection('registration');
    });
  });

  // Last of this component's effects, so every form below and above listens by now: requests made while the chunk
  // was coming are carried out, and the `ui` benchmark reads the mark (the whole workbench is on screen and usable).
  useEffect(() => {
    if (performance.getEntriesByName('desk:workbench-complete').length === 0) performance.mark('desk:workbench-complete');
    ticketFormsMounted();
  }, []);

  // A ticket transferred or answered: the confirmation stays in view, the form is ready for the next caller.
  const done = (confirmation: Confirmation): void => {
    startNewTicket(confirmation);
    window.setTimeout(() => {
      focusSection('registration');
    }, 50);
  };

  return (
    <Panel
      title={t('ticket:title')}
      extra={
        <Space size={12}>
          <DraftStatusText />
          <TraineeToggle checked={trainee} onChange={traineeToggled} />
          <Button size="small" onClick={() => useTicketSessionStore.getState().newTicketRequested()} data-testid="new-ticket">
            {t('ticket:newTicket')}
          </Button>
        </Space>
      }
      className="ticket-area"
      data-testid="ticket-area"
    >
      {result && <TicketConfirmation confirmation={result} onClose={() => setResult(null)} />}
      <section aria-label={t('ticket:sections.registration')}>
        <Typography.Title level={5}>{t('ticket:sectionWithKey', { section: t('ticket:sections.registration'), key: 'Alt+R' })}</Typography.Title>
        <RegistrationForm form={form} disabled={ticket !== null} onChange={saveDraft} onSubmit={(v) => void register(v)} />
      </section>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          tabChosen(key as DispositionTab);
        }}
        items={[
          { key: 'transfer', label: t('ticket:sectionWithKey', { section: t('ticket:sections.transfer'), key: 'Alt+T' }), children: <TransferForm key={finished} query={ticket ? { ...query, text: ticket.registration.description } : query} onDone={done} /> },
          { key: 'answer', label: t('ticket:sectionWithKey', { section: t('ticket:sections.answer'), key: 'Alt+A' }), children: <AnswerForm key={finished} onDone={done} /> },
        ]}
      />
      <section aria-label={t('ticket:sections.callback')}>
        <Typography.Title level={5}>{t('ticket:sectionWithKey', { section: t('ticket:sections.callback'), key: 'Alt+C' })}</Typography.Title>
        <CallbackForm refreshKey={`${ticket?.id ?? ''}:${ticket?.state ?? ''}:${finished}`} onDone={setResult} />
      </section>
    </Panel>
  );
}

function DraftStatusText(): React.JSX.Element | null {
  const { t } = useTranslation();
  const status = useTicketSessionStore((s) => s.draftStatus);
  if (status.kind === 'idle') return null;
  if (status.kind === 'saving') return <Typography.Text type="secondary" data-testid="draft-status">{t('ticket:draft.saving')}</Typography.Text>;
  if (status.kind === 'error')
    return (
      <Typography.Text type="danger" data-testid="draft-status">
        {t('ticket:draft.error', { reason: status.message })}
      </Typography.Text>
    );
  return (
    <Typography.Text type="secondary" data-testid="draft-status">
      {t('ticket:draft.saved', { time: new Date(status.savedAt).toLocaleTimeString('zh-CN', { hour12: false }) })}
    </Typography.Text>
  );
}

/** The first ticket registered while (or after) a call is linked to that call's record. */
function linkToCall(ticketId: string): void {
  const store = useTicketDraftStore.getState();
  const call = store.call;
  if (!call || call.ticketId !== null) return;
  store.ticketRegisteredForCall(ticketId);
  void desk.linkCallToTicket({ callId: call.callId, ticketId });
}

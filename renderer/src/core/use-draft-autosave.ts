import type { FormInstance } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { desk } from '../desk/desk';
import { useDeskErrorText } from './use-desk-error-text';
import { useTicketDraftStore } from '../stores/ticket-draft-store';
import type { DraftMeta, RegistrationValues } from './draft-mapping';
import { draftToValues, valuesToDraft } from './draft-mapping';
import { useTicketSessionStore } from './ticket-session-store';
import { uuidv7 } from '../../../shared/tickets/uuid7';

/** Saves at most this long after the last change: fast typists cause one write per pause, not per key. */
const SAVE_DELAY_MS = 250;

export function newDraftMeta(): DraftMeta {
  return { id: uuidv7(), calledAt: new Date().toISOString(), linkedArticleIds: [] };
}

/**
 * Keeps the registration form's draft in the local store: restores it once
 * on mount, then saves (debounced) after every change. A refused save (an
 * oversized field) leaves the last good draft in place and says why.
 */
export interface DraftAutosave {
  /** Id and call time of the ticket being typed; a new draft gets new ones. */
  meta: React.RefObject<DraftMeta>;
  scheduleSave: () => void;
  cancel: () => void;
  /** Forgets the pending save and starts a new draft identity (after a ticket is finished). */
  restart: () => void;
  /** The ticket is for a call that started at this instant (from the phone), not when the form opened. */
  callTimeChanged: (calledAt: string) => void;
  /** Writes a pending save now (before the form is cleared for something else, e.g. a practice call). */
  flush: () => Promise<void>;
  /** Reads the saved draft back into the form (after a practice call gave the form back). */
  reload: () => Promise<void>;
}

export function useDraftAutosave(form: FormInstance<RegistrationValues>, onRestored: () => void): DraftAutosave {
  const meta = useRef<DraftMeta>(newDraftMeta());
  const timer = useRef<number | null>(null);
  const restored = useRef(false);
  const errorText = useDeskErrorText();
  const setStatus = useTicketSessionStore((s) => s.draftStatusChanged);

  const save = useCallback(async () => {
    timer.current = null;
    const linked = useTicketDraftStore.getState().linkedArticleIds;
    meta.current = { ...meta.current, linkedArticleIds: linked };
    setStatus({ kind: 'saving' });
    const result = await desk.saveTicketDraft(valuesToDraft(form.getFieldsValue(true) as Partial<RegistrationValues>, meta.current));
    if (result.ok) setStatus({ kind: 'saved', savedAt: result.value.savedAt });
    else setStatus({ kind: 'error', message: errorText(result.error) });
  }, [form, setStatus, errorText]);

  const scheduleSave = useCallback(() => {
    if (!restored.current) return;
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(), SAVE_DELAY_MS);
  }, [save]);

  const cancel = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const restore = useCallback(
    async (isLive: () => boolean): Promise<boolean> => {
      const result = await desk.loadTicketDraft();
      if (!isLive()) return false;
      restored.current = true;
      if (!result.ok || !result.value) return false;
      const { draft, savedAt } = result.value;
      meta.current = { id: draft.id ?? meta.current.id, calledAt: draft.calledAt ?? meta.current.calledAt, linkedArticleIds: draft.linkedArticleIds };
      form.setFieldsValue(draftToValues(draft));
      const store = useTicketDraftStore.getState();
      store.descriptionChanged(draft.description);
      store.districtChanged(draft.district);
      useTicketDraftStore.setState({ linkedArticleIds: draft.linkedArticleIds });
      setStatus({ kind: 'saved', savedAt });
      return true;
    },
    [form, setStatus],
  );

  useEffect(() => {
    let live = true;
    void restore(() => live).then((found) => {
      if (found) onRestored();
    });
    return () => {
      live = false;
    };
    // Restore once per mount; later changes flow the other way.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const flush = useCallback(async () => {
    if (timer.current === null) return;
    window.clearTimeout(timer.current);
    await save();
  }, [save]);

  const reload = useCallback(async () => {
    cancel();
    await restore(() => true);
  }, [cancel, restore]);

  const restart = useCallback(() => {
    cancel();
    meta.current = newDraftMeta();
  }, [cancel]);

  const callTimeChanged = useCallback(
    (calledAt: string) => {
      meta.current = { ...meta.current, calledAt };
      scheduleSave();
    },
    [scheduleSave],
  );

  useEffect(() => cancel, [cancel]);
  return { meta, scheduleSave, cancel, restart, callTimeChanged, flush, reload };
}

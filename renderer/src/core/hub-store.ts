import { create } from 'zustand';
import type { DeskSession, HandoverNote } from '../../../shared/hub/desk-session';
import type { HubTicket } from '../../../shared/hub/hub-ticket';
import type { TicketRecord } from '../../../shared/tickets/ticket-record';
import { desk } from '../desk/desk';
import { handoverKey, handoverToShow } from './hub-view';

/** `summary`: the shift summary (班次小结), also shown inside the sign-out dialog. */
export type HubDialog = 'none' | 'signIn' | 'signOut' | 'summary' | 'existing';

/** Kept in the browser profile of this desk: which operator dismissed which note. */
const DISMISSED_KEY = 'desk.handoverDismissed';

function readDismissed(): string | null {
  try {
    return window.localStorage.getItem(DISMISSED_KEY);
  } catch {
    return null;
  }
}

function writeDismissed(key: string): void {
  try {
    window.localStorage.setItem(DISMISSED_KEY, key);
  } catch {
    // Private mode or a full profile: the note simply shows again next time.
  }
}

interface HubState {
  /** The signed-in operator at the hub, or null (the desk works alone or nobody is signed in). */
  session: DeskSession | null;
  loaded: boolean;
  dialog: HubDialog;
  /** The handover note on screen (交接班备注), until dismissed. */
  note: HandoverNote | null;
  /** This desk's tickets as the hub last sent them, and the desk's own records (for callbacks made here). */
  tickets: HubTicket[];
  local: TicketRecord[];
  /** Bumped to ask the 部门答复 list to take the focus. */
  repliesFocusRequest: number;
  load: () => Promise<void>;
  /** A new session (or none): a different operator signing in is shown the note the previous one left. */
  sessionChanged: (session: DeskSession | null) => Promise<void>;
  dialogOpened: (dialog: HubDialog) => void;
  noteDismissed: () => void;
  /** Shows the current note whoever wrote it (the shortcut); false when there is none. */
  noteRequested: () => Promise<boolean>;
  reloadTickets: () => Promise<void>;
  repliesFocusRequested: () => void;
}

export const useHubStore = create<HubState>()((set, get) => ({
  session: null,
  loaded: false,
  dialog: 'none',
  note: null,
  tickets: [],
  local: [],
  repliesFocusRequest: 0,
  load: async () => {
    const result = await desk.getHubSession();
    if (result.ok) await get().sessionChanged(result.value);
    set({ loaded: true });
  },
  sessionChanged: async (session) => {
    const previous = get().session;
    set({ session });
    if (!session) {
      set({ note: null });
      return;
    }
    if (previous?.username === session.username && get().loaded) return;
    const note = await desk.getHandoverNote();
    if (note.ok && get().session?.username === session.username) set({ note: handoverToShow(note.value, session, readDismissed()) });
  },
  dialogOpened: (dialog) => {
    set({ dialog });
  },
  noteDismissed: () => {
    const { note, session } = get();
    if (note) writeDismissed(handoverKey(note, session?.username ?? ''));
    set({ note: null });
  },
  noteRequested: async () => {
    const note = await desk.getHandoverNote();
    const shown = note.ok && note.value && note.value.text.trim() !== '' ? note.value : null;
    set({ note: shown });
    return shown !== null;
  },
  reloadTickets: async () => {
    const [tickets, local] = await Promise.all([desk.listHubTickets({ limit: 200 }), desk.listTickets({ limit: 200 })]);
    set((s) => ({ tickets: tickets.ok ? tickets.value : s.tickets, local: local.ok ? local.value : s.local }));
  },
  repliesFocusRequested: () => {
    set((s) => ({ repliesFocusRequest: s.repliesFocusRequest + 1 }));
  },
}));

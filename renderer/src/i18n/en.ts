import type { zhCN } from './zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English, the second language; the type makes a missing key a compile error. */
export const en: Shape<typeof zhCN> = {
  app: {
    title: '12345 Hotline Desk',
    loading: 'Starting the desk…',
    storageRecovered: 'The local database was found damaged at start-up and was kept unchanged as {{keptAt}}; the desk continues on a new file. Ask support to recover any unsynced data from it.',
    storageFailed: {
      title: 'The local store refused the write: the last action was not saved',
      acknowledge: 'OK',
      savedIsSafe: 'Tickets and drafts saved before are unaffected. Save again once this is fixed.',
      reasons: {
        disk_full: 'The disk is full: free some space or call support.',
        read_only: 'The data folder is read-only: check the disk or file permissions.',
        io_error: 'Disk read/write error: ask support to check the drive.',
        damaged: 'The local database is damaged: restart the desk; it keeps the damaged file and recovers.',
        locked: 'The local database is locked by another program: close the second copy of the desk.',
        unknown: 'Local storage error: call support.',
      },
    },
  },
  pane: { call: 'Call & ticket', knowledge: 'Knowledge', history: 'Caller history', detached: 'Knowledge pane is on the second screen', dock: 'Dock knowledge pane' },
  phone: {
    notConfigured: 'Phone not set up',
    notConfiguredHint: 'Enter the SIP server and extension in settings',
    noCall: 'No call',
  },
  caller: { title: 'Caller', empty: 'The caller’s number and earlier tickets appear here when you answer' },
  ticket: { title: 'Ticket', empty: 'Register the ticket here once a call is answered (consult, help, complaint, report, suggestion, praise)' },
  knowledge: { searchPlaceholder: 'Search the knowledge base (F3)', empty: 'Two or three keywords are enough', detach: 'Move to second screen', detachUnsupported: 'The browser version cannot move panes to a second screen' },
  history: { empty: 'No earlier calls' },
  status: {
    agent: 'Agent',
    agentStates: { signedOut: 'Signed out', ready: 'Ready', onCall: 'On call', afterCall: 'After-call work', break: 'Break', training: 'Training' },
    sync: 'Sync',
    syncStates: { local: 'Local only (no hub connected)' },
    shift: 'Shift',
    slots: { day: 'Day', night: 'Night' },
    seat: 'Seat',
    noSeat: 'not set',
    services: { connected: 'Local services OK', disconnected: 'Local services unreachable' },
  },
  settings: { language: 'Language', theme: 'Theme', light: 'Light', dark: 'Dark (night shift)', saveFailed: 'Settings not saved: {{reason}}' },
  shortcuts: {
    title: 'Keyboard shortcuts',
    open: 'Shortcuts (F1)',
    groups: { general: 'General', view: 'View', knowledge: 'Knowledge' },
    actions: {
      'help.toggle': 'Open or close this help',
      'view.toggleTheme': 'Switch light / dark theme',
      'view.toggleLanguage': 'Switch 中文 / English',
      'pane.focusCall': 'Focus left: call & ticket',
      'pane.focusKnowledge': 'Focus right: knowledge search',
      'pane.showHistory': 'Show caller history on the right',
      'knowledge.search': 'Search the knowledge base',
      'knowledge.toggleDetach': 'Move knowledge pane to second screen / dock',
    },
    key: 'Key',
    action: 'Action',
  },
  errors: {
    INVALID_INPUT: 'The input is not valid',
    FORBIDDEN_SENDER: 'Caller not trusted',
    UNKNOWN_METHOD: 'Local services are a different version; restart the desk',
    UNSUPPORTED: 'Not possible in this mode',
    TIMEOUT: 'Local services did not answer in time',
    DISCONNECTED: 'Local services unreachable',
    STORAGE: 'Could not write to local storage (disk full or damaged file)',
    NOT_FOUND: 'Not found',
    CONFLICT: 'Changed elsewhere; reload and try again',
    INTERNAL: 'Internal error in local services (logged)',
  },
};

import type { Migration } from '../migration';

/**
 * A refused entry keeps the hub's reason code in `reason` and the facts that come with it (the ticket's state,
 * the fields refused) in `details`, so the 需处理 list words it in the desk's language. Rows stored before keep
 * the hub's Chinese sentence in `reason` and no details; the list shows that text as it is.
 */
export const migration150: Migration = {
  version: 150,
  name: 'details of a refused outbox entry',
  up(db) {
    db.exec(`ALTER TABLE outbox_rejected ADD COLUMN details TEXT CHECK (details IS NULL OR json_valid(details))`);
  },
};

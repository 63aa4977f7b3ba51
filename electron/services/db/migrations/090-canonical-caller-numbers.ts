import { canonicalPhoneNumber } from '../../../../shared/phone/phone-number';
import type { Migration } from '../migration';

/**
 * Caller numbers in their stored form (shared/phone/phone-number.ts): tickets
 * registered before it kept `+8613812345678` or `013812345678` as typed, which
 * caller history then missed. Folds the desk's own tickets and its copy of the
 * hub's; a number that is no phone number at all (a masked one) stays as it is.
 * The index serves caller history's range lookup on the stored number.
 * Drafts and queued entries are left as typed: the form and the hub fold them.
 */
export const migration090: Migration = {
  version: 90,
  name: 'canonical caller numbers',
  up(db) {
    db.function('canonical_phone_number', { deterministic: true }, (raw: unknown) => (typeof raw === 'string' ? canonicalPhoneNumber(raw) : null));
    for (const table of ['tickets', 'hub_tickets']) {
      db.exec(`
        UPDATE ${table}
           SET doc = json_set(doc, '$.registration.callerNumber', canonical_phone_number(json_extract(doc, '$.registration.callerNumber')))
         WHERE canonical_phone_number(json_extract(doc, '$.registration.callerNumber')) IS NOT NULL
           AND canonical_phone_number(json_extract(doc, '$.registration.callerNumber')) <> json_extract(doc, '$.registration.callerNumber');
      `);
    }
    db.exec(`CREATE INDEX tickets_caller_number ON tickets (json_extract(doc, '$.registration.callerNumber'), created_at);`);
  },
};

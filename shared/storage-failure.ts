/**
 * Why the desk's local store refused a write. A `STORAGE` error's message
 * starts with one of these and a colon, so the UI can say which in the
 * operator's language and the log keeps the technical detail after it.
 */
export const storageReasons = ['disk_full', 'read_only', 'io_error', 'damaged', 'locked'] as const;
export type StorageReason = (typeof storageReasons)[number];

export function storageMessage(reason: StorageReason, detail: string): string {
  return `${reason}: ${detail}`;
}

export function storageReasonOf(message: string): StorageReason | null {
  const prefix = message.slice(0, message.indexOf(':'));
  return (storageReasons as readonly string[]).includes(prefix) ? (prefix as StorageReason) : null;
}

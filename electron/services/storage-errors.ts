import Database from 'better-sqlite3';
import type { DeskHandlers } from '../../shared/desk-handlers';
import { DeskFailure } from '../../shared/result';
import { storageMessage } from '../../shared/storage-failure';

/**
 * Failures of the local disk, told apart so the operator reads "disk full"
 * rather than "internal error". SQLite rolls the statement back in each case,
 * so what was saved before stays as it was; the UI blocks further typing into
 * a form it cannot save instead of pretending.
 */
export function storageFailureOf(error: unknown): DeskFailure | null {
  const code = errorCode(error);
  if (code === null) return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new DeskFailure('STORAGE', storageMessage('disk_full', 'the local database cannot grow; free space on the disk'));
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new DeskFailure('STORAGE', storageMessage('read_only', 'the local database or its folder cannot be written'));
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return new DeskFailure('STORAGE', storageMessage('io_error', code));
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new DeskFailure('STORAGE', storageMessage('damaged', `${code}; restart the desk to recover`));
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new DeskFailure('STORAGE', storageMessage('locked', 'the local database is locked by another program'));
  return null;
}

function errorCode(error: unknown): string | null {
  if (error instanceof Database.SqliteError) return error.code;
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return null;
}

/** Wraps every handler so disk failures come back as `STORAGE` with the reason, not as `INTERNAL`. */
export function withStorageErrors(handlers: DeskHandlers): DeskHandlers {
  const wrapped: Record<string, (input: unknown) => unknown> = {};
  for (const [method, handler] of Object.entries(handlers) as [string, (input: unknown) => unknown][]) {
    wrapped[method] = async (input) => {
      try {
        return await handler(input);
      } catch (error) {
        throw storageFailureOf(error) ?? error;
      }
    };
  }
  return wrapped as DeskHandlers;
}

import type { DeskSession } from '../../../../shared/hub/desk-session';

/** Trainee review and early-warning alerts belong to the hub's supervisor and admin accounts. */
export function canSupervise(session: Pick<DeskSession, 'role'> | null): boolean {
  return session?.role === 'supervisor' || session?.role === 'admin';
}

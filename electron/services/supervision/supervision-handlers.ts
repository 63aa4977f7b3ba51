import type { DeskHandlers } from '../../../shared/desk-handlers';
import type { HubSession } from '../hub/hub-session';

/** The supervisors' online views, read from the hub under the signed-in session. */
export const supervisionHandlers = ({ hub }: { hub: HubSession }) =>
  ({
    listSeats: () => hub.seats(),
    listAlerts: ({ includeAcknowledged }) => hub.call('listAlerts', { query: { all: includeAcknowledged ? 'true' : 'false' } }),
    acknowledgeAlert: ({ id }) => hub.call('acknowledgeAlert', { params: { id } }),
    listReviews: () => hub.call('reviewQueue'),
    decideReview: ({ ticketId, decision }) => hub.call('decideReview', { params: { id: ticketId }, body: decision }),
    ticketStats: ({ from, to, top }) => hub.call('ticketStats', { query: { from, to, top } }),
    listTrainees: () => hub.call('listTrainees'),
    getPlacement: ({ account, range }) => hub.call('placement', { params: { account }, query: { from: range.from, to: range.to } }),
  }) satisfies Pick<DeskHandlers, 'listSeats' | 'listAlerts' | 'acknowledgeAlert' | 'listReviews' | 'decideReview' | 'ticketStats' | 'listTrainees' | 'getPlacement'>;

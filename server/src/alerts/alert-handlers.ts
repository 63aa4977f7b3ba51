import { HubFailure } from '../http/failure';
import type { HubHandlers } from '../http/route';
import { acknowledgeAlert, listAlerts } from './alert-reads';
import { readAlertSettings, writeAlertSettings } from './alert-settings';

/** Early warning: the supervisors' alert list, acknowledgement and thresholds. */
export const alertHandlers = {
  listAlerts: ({ hub, query }) => listAlerts(hub.sql, { includeAcknowledged: query.all === 'true', limit: query.limit }),
  acknowledgeAlert: async ({ hub, user, params }) => {
    const alert = await acknowledgeAlert(hub.sql, params.id, user.sub, hub.now());
    if (!alert) throw new HubFailure('CONFLICT', `no unacknowledged alert ${String(params.id)}`, { reason: 'ALERT_GONE', subject: String(params.id) });
    return alert;
  },
  alertSettings: ({ hub }) => readAlertSettings(hub.sql),
  putAlertSettings: ({ hub, body }) => writeAlertSettings(hub.sql, body),
} satisfies Pick<HubHandlers, 'listAlerts' | 'acknowledgeAlert' | 'alertSettings' | 'putAlertSettings'>;

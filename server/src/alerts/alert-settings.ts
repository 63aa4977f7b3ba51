import type { AlertSettings } from '../../../shared/hub/alerts';
import { alertSettingsSchema, defaultAlertSettings } from '../../../shared/hub/alerts';
import type { Sql } from '../db/sql';

export async function readAlertSettings(sql: Sql): Promise<AlertSettings> {
  const [row] = await sql.query<{ value: unknown }>("SELECT value FROM hub_settings WHERE name = 'alerts'");
  const parsed = alertSettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : defaultAlertSettings;
}

export async function writeAlertSettings(sql: Sql, settings: AlertSettings): Promise<AlertSettings> {
  await sql.query("INSERT INTO hub_settings (name, value) VALUES ('alerts', $1) ON CONFLICT (name) DO UPDATE SET value = excluded.value", [JSON.stringify(settings)]);
  return settings;
}

/** service_setting: the settings admins set (not PHI), one row per key. */
import type { Queryable } from './db-pool';

export const SETTING_KEYS = { allowedSenderDomains: 'allowed-sender-domains', replySignature: 'reply-signature' } as const;
export type SettingName = keyof typeof SETTING_KEYS;

export function createServiceSettingRepository({ db }: { db: Queryable }) {
  return {
    /** Every stored setting by name (absent: never set). */
    async getAll(): Promise<Partial<Record<SettingName, unknown>>> {
      const { rows } = await db.query<{ key: string; value: unknown }>('SELECT key, value FROM service_setting');
      const out: Partial<Record<SettingName, unknown>> = {};
      for (const [name, key] of Object.entries(SETTING_KEYS) as [SettingName, string][]) {
        const row = rows.find((r) => r.key === key);
        if (row) out[name] = row.value;
      }
      return out;
    },

    async set(name: SettingName, value: unknown, by: string | null): Promise<void> {
      await db.query(
        `INSERT INTO service_setting (key, value, updated_by) VALUES ($1, $2::jsonb, $3)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [SETTING_KEYS[name], JSON.stringify(value), by],
      );
    },
  };
}

/**
 * The service settings: what holds now (stored by an admin, else the environment's default),
 * an admin's change (audited, one row per setting changed), and a short-lived cache for the
 * pipeline, which reads them for every message it stores.
 */
import { withTransaction, type Db, type Queryable } from '../adapters/db/db-pool';
import { createAuditRepository } from '../adapters/db/audit.repository';
import { createServiceSettingRepository, SETTING_KEYS, type SettingName } from '../adapters/db/service-setting.repository';
import { effectiveSettings, settingsSchema, type ServiceSettings, type StoredSettings } from '../domain/service-settings';
import type { Actor } from './staff-accounts';

export interface SettingsView {
  settings: ServiceSettings;
  defaults: ServiceSettings;
  /** Which settings an admin set (the others are the defaults). */
  stored: SettingName[];
}

async function readStored(db: Queryable): Promise<StoredSettings> {
  const raw = await createServiceSettingRepository({ db }).getAll();
  // A value that no longer fits the schema is ignored (the default holds) rather than trusted.
  const shape = settingsSchema.shape;
  const allowed = shape.allowedSenderDomains.safeParse(raw.allowedSenderDomains);
  const signature = shape.replySignature.safeParse(raw.replySignature);
  return { allowedSenderDomains: allowed.success ? allowed.data : null, replySignature: signature.success ? signature.data : null };
}

export function serviceSettings({ db, defaults, cacheMs = 5000, now = () => Date.now() }: { db: Db; defaults: ServiceSettings; cacheMs?: number; now?: () => number }) {
  let cached: { at: number; value: ServiceSettings } | null = null;
  return {
    async view(): Promise<SettingsView> {
      const stored = await readStored(db);
      return { settings: effectiveSettings(stored, defaults), defaults, stored: (Object.keys(stored) as SettingName[]).filter((k) => stored[k] !== null) };
    },

    /** What holds now, at most `cacheMs` old (a change reaches the pipeline within that). */
    async current(): Promise<ServiceSettings> {
      if (cached && now() - cached.at < cacheMs) return cached.value;
      const value = effectiveSettings(await readStored(db), defaults);
      cached = { at: now(), value };
      return value;
    },

    /** Stores the settings that differ from what holds; returns their names. */
    async update(settings: ServiceSettings, by: Actor, ip: string | null): Promise<SettingName[]> {
      const changed = await withTransaction(db, async (tx) => {
        const before = effectiveSettings(await readStored(tx), defaults);
        const repo = createServiceSettingRepository({ db: tx });
        const audit = createAuditRepository({ db: tx });
        const names = (Object.keys(SETTING_KEYS) as SettingName[]).filter((name) => JSON.stringify(before[name]) !== JSON.stringify(settings[name]));
        for (const name of names) {
          await repo.set(name, settings[name], by.userId);
          await audit.insert({ actorId: by.userId, actor: by.email, action: `change-setting:${SETTING_KEYS[name]}`, subject: null, ip });
        }
        return names;
      });
      cached = null;
      return changed;
    },
  };
}

export type ServiceSettingsUseCase = ReturnType<typeof serviceSettings>;

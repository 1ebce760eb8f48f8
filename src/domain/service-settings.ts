/**
 * The service settings admins set on the settings page: the sender allowlist (when it has
 * entries, only mail from those domains gets an automatic reply; other mail waits for staff)
 * and the signature of automatic replies and reminders. Pure: the schema, the form mapping and
 * which value holds (the stored one, else the environment's default).
 */
import { z } from 'zod';
import { domainOf } from './email-address';

export const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const settingsSchema = z
  .object({
    /** Lower-case domains; subdomains are included. Empty: every sender gets replies. */
    allowedSenderDomains: z.array(z.string().trim().toLowerCase().regex(DOMAIN, 'a domain name such as center.example')).max(500),
    replySignature: z.string().trim().min(1, 'a signature (empty restores the default)').max(1000),
  })
  .strict();
export type ServiceSettings = z.infer<typeof settingsSchema>;

/** A stored value per setting, or null where an admin never set it. */
export type StoredSettings = { [K in keyof ServiceSettings]: ServiceSettings[K] | null };

export function effectiveSettings(stored: StoredSettings, defaults: ServiceSettings): ServiceSettings {
  return {
    allowedSenderDomains: stored.allowedSenderDomains ?? defaults.allowedSenderDomains,
    replySignature: stored.replySignature ?? defaults.replySignature,
  };
}

/** The settings form: domains one per line (or comma-separated); an empty signature means the default. */
export function settingsFromForm(form: Record<string, unknown>, defaults: ServiceSettings): unknown {
  const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '');
  const signature = text('replySignature').replace(/\r\n/g, '\n').trim();
  return {
    allowedSenderDomains: text('allowedSenderDomains').split(/[\s,]+/).filter((d) => d.length > 0),
    replySignature: signature === '' ? defaults.replySignature : signature,
  };
}

/** Whether `from` may get an automatic reply under the allowlist (empty: anyone). */
export function senderAllowed(from: string | null, allowedSenderDomains: readonly string[]): boolean {
  if (allowedSenderDomains.length === 0) return true;
  if (from === null) return false;
  return allowlistEntryOf(domainOf(from)!, allowedSenderDomains) !== null;
}

/** The allowlist entry a domain is, or is a subdomain of: the longest such; null when none. */
export function allowlistEntryOf(domain: string, allowedSenderDomains: readonly string[]): string | null {
  return allowedSenderDomains.filter((d) => domain === d || domain.endsWith(`.${d}`)).sort((a, b) => b.length - a.length)[0] ?? null;
}

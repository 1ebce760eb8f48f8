/**
 * The admins' per-center figures: SQL aggregates over plain columns (never a decrypted record),
 * folded into referring centers by the current sender allowlist. An optional range of days
 * (UTC, both ends included) on when the request's first email arrived.
 */
import type { Db } from '../adapters/db/db-pool';
import { createCenterFiguresRepository } from '../adapters/db/center-figures.repository';
import { foldCenterFigures, type CenterFigures } from '../domain/center-figures';
import type { ServiceSettings } from '../domain/service-settings';
import { OPTIONAL_ON_ARRIVAL } from '../domain/tasks';

export interface FiguresRange {
  /** First day included, YYYY-MM-DD (UTC). */
  since?: string | undefined;
  /** Last day included, YYYY-MM-DD (UTC). */
  until?: string | undefined;
}

export interface FiguresView {
  since: string | null;
  until: string | null;
  centers: CenterFigures[];
  /** All centers together. */
  total: CenterFigures | null;
}

const DAY_MS = 86_400_000;

export function centerFigures({ db, settings }: { db: Db; settings: { current(): Promise<ServiceSettings> } }) {
  const repo = createCenterFiguresRepository({ db });
  return async ({ since, until }: FiguresRange): Promise<FiguresView> => {
    const range = {
      since: since ? new Date(`${since}T00:00:00Z`) : null,
      before: until ? new Date(Date.parse(`${until}T00:00:00Z`) + DAY_MS) : null,
    };
    const [domains, omissions, current] = await Promise.all([repo.byDomain(range, OPTIONAL_ON_ARRIVAL), repo.omissionsByDomain(range), settings.current()]);
    const centers = foldCenterFigures(domains, omissions, current.allowedSenderDomains);
    // Every domain folded into one center gives the totals the same way.
    const [total] = foldCenterFigures(
      domains.map((d) => ({ ...d, domain: 'all' })),
      omissions.map((o) => ({ ...o, domain: 'all' })),
      [],
    );
    return { since: since ?? null, until: until ?? null, centers, total: total ? { ...total, center: null } : null };
  };
}

import type { OidcSettings } from './auth/oidc';

/** What the gateway tells the app at start (`/app/config.json`, gateway/src/web-app/static-app.ts). */
export interface RuntimeConfig {
  provinceCode: string;
  /** Today as the system sees it (`YYYY-MM-DD`, pinned in tests and demos). */
  today: string;
  auth: {
    devTokenEndpoint: string | null;
    oidc: OidcSettings | null;
  };
}

export const BASE = import.meta.env.BASE_URL;

/** From the page (the gateway writes it into index.html), else from `/app/config.json`. */
export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const inline = document.getElementById('nct-config')?.textContent;
  if (inline) return JSON.parse(inline) as RuntimeConfig;
  const res = await fetch(`${BASE}config.json`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`config.json: HTTP ${res.status}`);
  return (await res.json()) as RuntimeConfig;
}

/** The dates the pages ask the API for, from the system's today. */
export interface Dates {
  today: string;
  year: number;
  /** `YYYY-MM` */
  month: string;
  /** The month before (`YYYY-MM`): the latest payroll that has been paid. */
  lastMonth: string;
  /** `YYYY-Qn` */
  quarter: string;
}

export function datesOf(today: string): Dates {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const last = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  return { today, year, month: today.slice(0, 7), lastMonth: last, quarter: `${year}-Q${Math.ceil(month / 3)}` };
}

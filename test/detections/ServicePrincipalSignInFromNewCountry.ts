/**
 * "Service Principal Sign-in from New Country" (id a69eaa7b-d74b-45e7-b656-f64daad61b3d),
 * Fabian Bader's public Sentinel analytics rules.
 * Source: f-bader/AzSentinelQueries AnalyticsRules/ServicePrincipalSignInFromNewCountry.yaml
 * (commit 85a0c2ab2c8847b866c65bfdb1d7751e8b903726). queryFrequency 1h, queryPeriod 14d.
 *
 *   KnownCountries = AADServicePrincipalSignInLogs between (ago(14d) .. ago(70m)),
 *                    ResultType == 0, Country = LocationDetails.countryOrRegion,
 *                    summarize by AppId, Country
 *   alert: AADServicePrincipalSignInLogs, ingestion_time() > ago(60m), ResultType == 0,
 *          leftanti join KnownCountries on AppId, Country
 *
 * Run hourly over the rows (ingestion time taken as TimeGenerated). `learnFrom` is where
 * history starts: the rule assumes 14 days of it; a run whose look-back starts before the
 * data does would call every country new.
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { dyn, ms } from './harness.ts';

export const COLUMNS = ['TimeGenerated', 'ResultType', 'AppId', 'LocationDetails', 'IPAddress', 'Id', 'ServicePrincipalName'];

const HOUR = 3_600_000;

function countryOf(r: JsonObject): string {
  const loc = dyn<{ countryOrRegion?: string } | null>(r.LocationDetails);
  return loc?.countryOrRegion ?? '';
}

export interface NewCountryAlert {
  readonly runAt: number;
  readonly row: JsonObject;
  readonly country: string;
}

/**
 * Alerts of hourly runs at every whole hour in (from, to]; history is read from
 * max(learnFrom, run − 14 d) to run − 70 min.
 */
export function servicePrincipalSignInFromNewCountry(rows: ReadonlyArray<JsonObject>, from: number, to: number, learnFrom: number): NewCountryAlert[] {
  const ok = rows.filter((r) => Number(r.ResultType) === 0).map((r) => ({ r, t: ms(r.TimeGenerated), key: `${String(r.AppId)}|${countryOf(r)}` }));
  ok.sort((a, b) => a.t - b.t);
  const out: NewCountryAlert[] = [];
  // Latest successful sign-in per (AppId, Country) pair before the known-countries cut-off.
  const lastSeen = new Map<string, number>();
  let known = 0;
  let lo = 0;
  const first = Math.floor(from / HOUR) * HOUR + HOUR;
  for (let run = first; run <= to; run += HOUR) {
    const knownUntil = run - 70 * 60_000;
    while (known < ok.length && ok[known]!.t < knownUntil) {
      const e = ok[known++]!;
      if (e.t >= learnFrom) lastSeen.set(e.key, e.t);
    }
    const lookBack = Math.max(learnFrom, run - 14 * 24 * HOUR);
    while (lo < ok.length && ok[lo]!.t < run - HOUR) lo++;
    for (let k = lo; k < ok.length && ok[k]!.t < run; k++) {
      const e = ok[k]!;
      const seen = lastSeen.get(e.key);
      if (seen === undefined || seen < lookBack) out.push({ runAt: run, row: e.r, country: countryOf(e.r) });
    }
  }
  return out;
}

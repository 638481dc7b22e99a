/**
 * Sigma "Use of Legacy Authentication Protocols" (60f6535a-760f-42a9-be3f-c9a0a025906e)
 * SigmaHQ/sigma rules/cloud/azure/signin_logs/azure_legacy_authentication_protocols.yml
 * @ 08b3fd5fec8c60f4b2dbfca56d5ba9079ad12268.
 *
 * `ActivityDetails: Sign-ins` and `Username: 'UPN'` are placeholders, not record fields
 * (every sign-in record is a sign-in and has a user): read as always true. `ClientApp`
 * is clientAppUsed, compared as Sigma compares — whole values — so of the listed
 * "Other client", "IMAP", "POP3", "MAPI", "SMTP", "Exchange ActiveSync", "Exchange Web
 * Services" only POP3, Exchange ActiveSync and Exchange Web Services equal what Entra
 * writes ("IMAP4", "Authenticated SMTP", "MAPI Over HTTP", "Other clients" do not).
 */
import type { JsonObject } from '../../src/core/activity.ts';
import { oneOf, sigmaEvent, type SigmaEvent } from './sigma-sign-in.ts';

export const NAME = 'Use of Legacy Authentication Protocols';

const CLIENT_APPS = ['Other client', 'IMAP', 'POP3', 'MAPI', 'SMTP', 'Exchange ActiveSync', 'Exchange Web Services'];

export function detect(records: ReadonlyArray<JsonObject>): SigmaEvent[] {
  return records.map(sigmaEvent).filter((e) => oneOf(e.ClientAppUsed, CLIENT_APPS));
}

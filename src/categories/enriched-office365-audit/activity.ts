/**
 * One Microsoft 365 audit event enriched by Global Secure Access
 * (EnrichedOffice365AuditLogs → table EnrichedMicrosoft365AuditLogs): the unified audit
 * record's common fields, its workload-specific rest in `additionalProperties`, and the
 * network context GSA adds (original source IP, device, OS, token id).
 */
import type { ActivityBase, JsonObject } from '../../core/activity.ts';
import type { M365Workload } from './operations.ts';

export interface EnrichedM365AuditActivity extends ActivityBase {
  readonly category: 'EnrichedOffice365AuditLogs';
  readonly workload: M365Workload;
  /** Office 365 Management API AuditLogRecordType. */
  readonly recordType: number;
  readonly operation: string;
  /** The Microsoft 365 organisation: the Entra tenant id. */
  readonly organizationId: string;
  readonly userType: string;
  readonly actorUserType: string;
  /** Alternative user id: PUID forms for SharePoint/Exchange, the object id for Teams. */
  readonly userKey: string;
  /** UPN of the acting user. */
  readonly userId: string;
  readonly objectId: string;
  /** IP Microsoft 365 saw (the original client IP: GSA restores the source IP). */
  readonly clientIp: string;
  /** IP the connection originated from, as GSA recorded it. */
  readonly sourceIp: string;
  readonly deviceId: string;
  readonly deviceOperatingSystem: string;
  readonly deviceOperatingSystemVersion: string;
  /** `uti` of the token used: the same value as the GSA traffic record and the sign-in. */
  readonly uniqueTokenId: string;
  readonly resultStatus: string;
  readonly additionalProperties: JsonObject;
}

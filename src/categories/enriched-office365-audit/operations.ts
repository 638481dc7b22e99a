/**
 * Microsoft 365 unified-audit operations that the enriched logs carry (SharePoint,
 * OneDrive, Exchange, Teams), with the Office 365 Management Activity API record types
 * (AuditLogRecordType: 2 ExchangeItem, 6 SharePointFileOperation, 25 MicrosoftTeams,
 * 50 ExchangeItemAggregated) and a few file names / subjects to fill them.
 */

export type M365Workload = 'SharePoint' | 'OneDrive' | 'Exchange' | 'MicrosoftTeams';

export interface M365OperationRow {
  readonly operation: string;
  readonly workload: M365Workload;
  readonly recordType: number;
  readonly weight: number;
}

export const M365_OPERATIONS: ReadonlyArray<M365OperationRow> = [
  { operation: 'FileAccessed', workload: 'SharePoint', recordType: 6, weight: 14 },
  { operation: 'FileAccessed', workload: 'OneDrive', recordType: 6, weight: 10 },
  { operation: 'FilePreviewed', workload: 'SharePoint', recordType: 6, weight: 6 },
  { operation: 'FileDownloaded', workload: 'SharePoint', recordType: 6, weight: 5 },
  { operation: 'FileDownloaded', workload: 'OneDrive', recordType: 6, weight: 4 },
  { operation: 'FileModified', workload: 'OneDrive', recordType: 6, weight: 5 },
  { operation: 'FileModified', workload: 'SharePoint', recordType: 6, weight: 3 },
  { operation: 'FileUploaded', workload: 'OneDrive', recordType: 6, weight: 4 },
  { operation: 'FileUploaded', workload: 'SharePoint', recordType: 6, weight: 2 },
  { operation: 'MailItemsAccessed', workload: 'Exchange', recordType: 50, weight: 24 },
  { operation: 'Send', workload: 'Exchange', recordType: 2, weight: 6 },
  { operation: 'TeamsSessionStarted', workload: 'MicrosoftTeams', recordType: 25, weight: 5 },
  { operation: 'MessageSent', workload: 'MicrosoftTeams', recordType: 25, weight: 6 },
];

export const FILE_NAMES: ReadonlyArray<string> = [
  'Q3 forecast.xlsx',
  'Budget 2025.xlsx',
  'Project plan.docx',
  'Meeting notes.docx',
  'Onboarding checklist.docx',
  'Product roadmap.pptx',
  'Sales deck.pptx',
  'Architecture overview.vsdx',
  'Contract draft.docx',
  'Invoice 4471.pdf',
  'Travel policy.pdf',
  'Customer list.csv',
  'Release notes.md',
];

export const FOLDERS: ReadonlyArray<string> = ['Shared Documents', 'Shared Documents/Projects', 'Shared Documents/General', 'Shared Documents/Reports'];

export const SUBJECTS: ReadonlyArray<string> = [
  'Re: Weekly sync',
  'Updated forecast',
  'Invoice for review',
  'Re: Project timeline',
  'FW: Customer feedback',
  'Agenda for Thursday',
  'Quick question',
];

/** `GeoLocation` of SharePoint records: the tenant's data location. */
export function geoLocationOf(regionScope: string): string {
  switch (regionScope) {
    case 'EU':
      return 'EUR';
    case 'AS':
      return 'APC';
    case 'OC':
      return 'AUS';
    case 'SA':
      return 'LAM';
    default:
      return 'NAM';
  }
}

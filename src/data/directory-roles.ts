/** Built-in Entra directory roles with their real role template ids (global constants). */
export interface DirectoryRoleRow {
  readonly templateId: string;
  readonly displayName: string;
  /** Microsoft marks these privileged; detections watch assignments to them. */
  readonly privileged: boolean;
}

export const DIRECTORY_ROLES: ReadonlyArray<DirectoryRoleRow> = [
  { templateId: '62e90394-69f5-4237-9190-012177145e10', displayName: 'Global Administrator', privileged: true },
  { templateId: 'e8611ab8-c189-46e8-94e1-60213ab1f814', displayName: 'Privileged Role Administrator', privileged: true },
  { templateId: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13', displayName: 'Privileged Authentication Administrator', privileged: true },
  { templateId: '194ae4cb-b126-40b2-bd5b-6091b380977d', displayName: 'Security Administrator', privileged: true },
  { templateId: 'fe930be7-5e62-47db-91af-98c3a49a38b1', displayName: 'User Administrator', privileged: true },
  { templateId: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', displayName: 'Application Administrator', privileged: true },
  { templateId: '158c047a-c907-4556-b7ef-446551a6b5f7', displayName: 'Cloud Application Administrator', privileged: true },
  { templateId: 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', displayName: 'Conditional Access Administrator', privileged: true },
  { templateId: 'c4e39bd9-1100-46d3-8c65-fb160da0071f', displayName: 'Authentication Administrator', privileged: true },
  { templateId: '29232cdf-9323-42fd-ade2-1d097af3e4de', displayName: 'Exchange Administrator', privileged: true },
  { templateId: 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c', displayName: 'SharePoint Administrator', privileged: true },
  { templateId: '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2', displayName: 'Hybrid Identity Administrator', privileged: true },
  { templateId: '3a2c62db-5318-420d-8d74-23affee5d9d5', displayName: 'Intune Administrator', privileged: true },
  { templateId: '729827e3-9c14-49f7-bb1b-9608f156bbb8', displayName: 'Helpdesk Administrator', privileged: true },
  { templateId: '69091246-20e8-4a56-aa4d-066075b2a7a8', displayName: 'Teams Administrator', privileged: false },
  { templateId: 'b0f54661-2d74-4c50-afa3-1ec803f12efe', displayName: 'Billing Administrator', privileged: false },
  { templateId: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', displayName: 'Global Reader', privileged: false },
  { templateId: '5d6b6bb7-de71-4623-b4af-96380a352509', displayName: 'Security Reader', privileged: false },
  { templateId: '5f2222b1-57c3-48ba-8ad5-d4759f1fde6f', displayName: 'Security Operator', privileged: false },
  { templateId: '4a5d8f65-41da-4de4-8968-e035b65339cf', displayName: 'Reports Reader', privileged: false },
  { templateId: '58a13ea3-c632-46ae-9ee0-9c0d43cd7f3d', displayName: 'Attribute Assignment Administrator', privileged: false },
  { templateId: '5b784334-f94b-471a-a387-e7219fc49ca2', displayName: 'Attribute Log Administrator', privileged: false },
  { templateId: '95e79109-95c0-4d8e-aee3-d01accf2d47b', displayName: 'Guest Inviter', privileged: false },
  { templateId: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b', displayName: 'Directory Readers', privileged: false },
];

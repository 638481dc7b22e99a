/**
 * Custom security attribute sets and definitions a tenant that uses them typically has, and
 * the six activities Entra logs for them (entra-docs custom-security-attributes overview:
 * "Add an attribute set", "Add custom security attribute definition in an attribute set",
 * "Update an attribute set", "Update attribute values assigned to a servicePrincipal",
 * "Update attribute values assigned to a user", "Update custom security attribute
 * definition in an attribute set"). All are category `AttributeManagement`, logged by
 * "Core Directory" (Graph beta example).
 */
export interface AttributeDefinitionRow {
  readonly name: string;
  readonly type: 'String' | 'Integer' | 'Boolean';
  readonly isCollection: boolean;
  readonly values: ReadonlyArray<string>;
}

export interface AttributeSetRow {
  readonly name: string;
  readonly description: string;
  readonly attributes: ReadonlyArray<AttributeDefinitionRow>;
}

export const ATTRIBUTE_SETS: ReadonlyArray<AttributeSetRow> = [
  {
    name: 'Engineering',
    description: 'Attributes for engineering teams',
    attributes: [
      { name: 'Project', type: 'String', isCollection: true, values: ['Baker', 'Cascade', 'Alpine', 'Northwind'] },
      { name: 'CostCenter', type: 'Integer', isCollection: false, values: ['1001', '1002', '2040', '3105'] },
    ],
  },
  {
    name: 'Security',
    description: 'Security classification of people and apps',
    attributes: [
      { name: 'Clearance', type: 'String', isCollection: false, values: ['Low', 'Medium', 'High'] },
      { name: 'PrivilegedAccess', type: 'Boolean', isCollection: false, values: ['true', 'false'] },
    ],
  },
  {
    name: 'HR',
    description: 'Human resources data',
    attributes: [
      { name: 'EmployeeType', type: 'String', isCollection: false, values: ['FTE', 'Contractor', 'Intern', 'Vendor'] },
      { name: 'Region', type: 'String', isCollection: false, values: ['AMER', 'EMEA', 'APAC'] },
    ],
  },
];

export const CSA_ACTIVITIES = [
  { name: 'Update attribute values assigned to a user', operationType: 'Update', weight: 70 },
  { name: 'Update attribute values assigned to a servicePrincipal', operationType: 'Update', weight: 15 },
  { name: 'Add custom security attribute definition in an attribute set', operationType: 'Add', weight: 5 },
  { name: 'Update custom security attribute definition in an attribute set', operationType: 'Update', weight: 4 },
  { name: 'Add an attribute set', operationType: 'Add', weight: 3 },
  { name: 'Update an attribute set', operationType: 'Update', weight: 3 },
] as const;

export type CsaActivityName = (typeof CSA_ACTIVITIES)[number]['name'];

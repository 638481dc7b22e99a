/**
 * The shape of the CSDL model derived from Microsoft's metadata extracts
 * (see derive-csdl-model.ts). Type names are always fully qualified
 * (`microsoft.graph.signIn`, `microsoft.graph.networkaccess.headers`); primitive
 * types keep their `Edm.` names.
 */
export interface CsdlProperty {
  readonly name: string;
  /** Fully qualified element type (`Edm.String`, `microsoft.graph.riskLevel`, …). */
  readonly type: string;
  readonly collection: boolean;
  readonly nullable: boolean;
  /** Navigation properties (`history`, `device`) are not part of the JSON payload. */
  readonly navigation: boolean;
}

export interface CsdlStructuredType {
  readonly kind: 'entity' | 'complex';
  readonly baseType?: string;
  readonly abstract: boolean;
  readonly open: boolean;
  /** Declared key property names (entity types that declare one). */
  readonly key?: ReadonlyArray<string>;
  /** Own properties only; base-type properties are reached through `baseType`. */
  readonly properties: ReadonlyArray<CsdlProperty>;
}

export interface CsdlEnumType {
  readonly flags: boolean;
  /** Member names in declared order (the wire values). */
  readonly members: ReadonlyArray<string>;
}

export interface CsdlModel {
  readonly types: Readonly<Record<string, CsdlStructuredType>>;
  readonly enums: Readonly<Record<string, CsdlEnumType>>;
}

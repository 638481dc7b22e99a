/**
 * Run-time view of the derived CSDL model: property lookup through base types
 * (case-insensitive, as Graph resolves `$filter`/`$select` names) and path resolution.
 */
import type { GraphVersion } from '../../../core/categories.ts';
import { CSDL_MODELS } from './csdl-model.generated.ts';
import type { CsdlEnumType, CsdlModel, CsdlProperty, CsdlStructuredType } from './csdl-types.ts';

export const GRAPH_NAMESPACE = 'microsoft.graph';

export type PropertyKind = 'primitive' | 'enum' | 'complex' | 'entity';

/** A resolved property: its declaration and what its element type is. */
export interface ResolvedProperty {
  readonly property: CsdlProperty;
  readonly kind: PropertyKind;
  /** Element type (for collections, the type of one element). */
  readonly type: string;
  readonly collection: boolean;
  readonly enumType?: CsdlEnumType;
}

export class GraphSchema {
  private readonly lowerIndex = new Map<string, ReadonlyMap<string, CsdlProperty>>();
  private readonly allIndex = new Map<string, ReadonlyArray<CsdlProperty>>();

  constructor(
    readonly version: GraphVersion,
    private readonly model: CsdlModel,
  ) {}

  structured(name: string): CsdlStructuredType | undefined {
    return this.model.types[name];
  }

  enumType(name: string): CsdlEnumType | undefined {
    return this.model.enums[name];
  }

  /** All properties of a type, base-type properties first, navigation properties excluded. */
  properties(typeName: string): ReadonlyArray<CsdlProperty> {
    let cached = this.allIndex.get(typeName);
    if (!cached) {
      const chain: CsdlStructuredType[] = [];
      for (let t = this.structured(typeName); t; t = t.baseType ? this.structured(t.baseType) : undefined) chain.unshift(t);
      cached = chain.flatMap((t) => t.properties.filter((p) => !p.navigation));
      this.allIndex.set(typeName, cached);
    }
    return cached;
  }

  /** A structural property by name, case-insensitive, including inherited ones. */
  property(typeName: string, name: string): CsdlProperty | undefined {
    let index = this.lowerIndex.get(typeName);
    if (!index) {
      index = new Map(this.properties(typeName).map((p) => [p.name.toLowerCase(), p]));
      this.lowerIndex.set(typeName, index);
    }
    return index.get(name.toLowerCase());
  }

  resolve(property: CsdlProperty): ResolvedProperty {
    const enumType = this.enumType(property.type);
    const structured = this.structured(property.type);
    const kind: PropertyKind = enumType
      ? 'enum'
      : structured
        ? structured.kind === 'entity'
          ? 'entity'
          : 'complex'
        : 'primitive';
    return { property, kind, type: property.type, collection: property.collection, ...(enumType ? { enumType } : {}) };
  }

  /**
   * Resolves `a/b/c` from a structured type. Returns the canonical (schema-cased)
   * segments too; undefined when a segment does not exist or a non-final segment is
   * not a single complex value.
   */
  resolvePath(
    typeName: string,
    segments: ReadonlyArray<string>,
  ): { resolved: ResolvedProperty; canonical: string[] } | undefined {
    let current = typeName;
    const canonical: string[] = [];
    let resolved: ResolvedProperty | undefined;
    for (let i = 0; i < segments.length; i++) {
      const p = this.property(current, segments[i]!);
      if (!p) return undefined;
      resolved = this.resolve(p);
      canonical.push(p.name);
      if (i < segments.length - 1) {
        if (resolved.kind !== 'complex' || resolved.collection) return undefined;
        current = resolved.type;
      }
    }
    return resolved ? { resolved, canonical } : undefined;
  }
}

const SCHEMAS: Readonly<Record<GraphVersion, GraphSchema>> = {
  'v1.0': new GraphSchema('v1.0', CSDL_MODELS['v1.0']),
  beta: new GraphSchema('beta', CSDL_MODELS.beta),
};

export function schemaOf(version: GraphVersion): GraphSchema {
  return SCHEMAS[version];
}

/**
 * Derives `csdl-model.generated.ts` from Microsoft's CSDL extracts
 * (`../shared/reference/graph/{v1.0,beta}-reporting.xml`; override the folder with
 * ENTRASIM_REFERENCE). Run: `npx tsx src/api/graph/schema/derive-csdl-model.ts`.
 *
 * The mock needs the type system at run time — property types for `$filter`/`$select`
 * validation and enum member order for evolvable-enum substitution (notes §2.5) — but
 * must not read the reference folder then, so the model is compiled into a TS module.
 * Output is deterministic.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CsdlEnumType, CsdlModel, CsdlProperty, CsdlStructuredType } from './csdl-types.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(HERE, '..', '..', '..', '..');

function referenceDir(): string {
  const env = process.env.ENTRASIM_REFERENCE;
  return env && env.length > 0 ? resolve(env) : resolve(REPO_ROOT, '..', 'shared', 'reference');
}

interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
}

/** A minimal XML reader: enough for well-formed CSDL (no CDATA, no entities that matter). */
export function parseXml(text: string): XmlElement {
  const clean = text.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '');
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const tag = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>/g;
  for (let m = tag.exec(clean); m; m = tag.exec(clean)) {
    const [, closing, name, attrText, selfClosing] = m;
    if (closing) {
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    const attr = /([\w:.-]+)\s*=\s*"([^"]*)"/g;
    for (let a = attr.exec(attrText ?? ''); a; a = attr.exec(attrText ?? '')) attrs[a[1]!] = a[2]!;
    const el: XmlElement = { name: name!, attrs, children: [] };
    stack[stack.length - 1]!.children.push(el);
    if (!selfClosing) stack.push(el);
  }
  return root;
}

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

/** Builds the model of one CSDL document, resolving schema aliases to namespaces. */
export function modelOf(xml: string): CsdlModel {
  const root = parseXml(xml);
  const schemas = [...walk(root)].filter((e) => e.name === 'Schema');
  const aliases = new Map<string, string>();
  for (const s of schemas) if (s.attrs.Alias) aliases.set(s.attrs.Alias, s.attrs.Namespace!);

  const qualify = (name: string): string => {
    if (name.startsWith('Edm.')) return name;
    const dot = name.lastIndexOf('.');
    const prefix = name.slice(0, dot);
    const alias = aliases.get(prefix);
    return alias ? `${alias}.${name.slice(dot + 1)}` : name;
  };
  const parseType = (t: string): { type: string; collection: boolean } => {
    const m = /^Collection\((.*)\)$/.exec(t);
    return m ? { type: qualify(m[1]!), collection: true } : { type: qualify(t), collection: false };
  };

  const types: Record<string, CsdlStructuredType> = {};
  const enums: Record<string, CsdlEnumType> = {};
  for (const schema of schemas) {
    const ns = schema.attrs.Namespace!;
    for (const el of schema.children) {
      const full = `${ns}.${el.attrs.Name}`;
      if (el.name === 'EnumType') {
        enums[full] = {
          flags: el.attrs.IsFlags === 'true',
          members: el.children.filter((c) => c.name === 'Member').map((c) => c.attrs.Name!),
        };
      } else if (el.name === 'EntityType' || el.name === 'ComplexType') {
        const properties: CsdlProperty[] = [];
        let key: string[] | undefined;
        for (const c of el.children) {
          if (c.name === 'Key') key = c.children.map((r) => r.attrs.Name!);
          if (c.name !== 'Property' && c.name !== 'NavigationProperty') continue;
          const { type, collection } = parseType(c.attrs.Type!);
          properties.push({
            name: c.attrs.Name!,
            type,
            collection,
            nullable: c.attrs.Nullable !== 'false',
            navigation: c.name === 'NavigationProperty',
          });
        }
        types[full] = {
          kind: el.name === 'EntityType' ? 'entity' : 'complex',
          ...(el.attrs.BaseType ? { baseType: qualify(el.attrs.BaseType) } : {}),
          abstract: el.attrs.Abstract === 'true',
          open: el.attrs.OpenType === 'true',
          ...(key ? { key } : {}),
          properties,
        };
      }
    }
  }
  return { types: sortKeys(types), enums: sortKeys(enums) };
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function render(models: Record<string, CsdlModel>): string {
  const lines: string[] = [
    '/* eslint-disable */',
    '// GENERATED by derive-csdl-model.ts from Microsoft Graph CSDL extracts',
    '// (msgraph-metadata schemas/{v1.0,beta}-Prod.csdl @ 0564689b). Do not edit.',
    "import type { CsdlModel } from './csdl-types.ts';",
    "import type { GraphVersion } from '../../../core/categories.ts';",
    '',
    'export const CSDL_MODELS: Readonly<Record<GraphVersion, CsdlModel>> = {',
  ];
  for (const [version, model] of Object.entries(models)) {
    lines.push(`  ${JSON.stringify(version)}: {`, '    types: {');
    for (const [name, t] of Object.entries(model.types)) lines.push(`      ${JSON.stringify(name)}: ${JSON.stringify(t)},`);
    lines.push('    },', '    enums: {');
    for (const [name, e] of Object.entries(model.enums)) lines.push(`      ${JSON.stringify(name)}: ${JSON.stringify(e)},`);
    lines.push('    },', '  },');
  }
  lines.push('};', '');
  return lines.join('\n');
}

function main(): void {
  const dir = join(referenceDir(), 'graph');
  const models = {
    'v1.0': modelOf(readFileSync(join(dir, 'v1.0-reporting.xml'), 'utf8')),
    beta: modelOf(readFileSync(join(dir, 'beta-reporting.xml'), 'utf8')),
  };
  const out = join(HERE, 'csdl-model.generated.ts');
  writeFileSync(out, render(models));
  const count = (m: CsdlModel): string => `${Object.keys(m.types).length} types, ${Object.keys(m.enums).length} enums`;
  console.log(`wrote ${out}: v1.0 ${count(models['v1.0'])}; beta ${count(models.beta)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

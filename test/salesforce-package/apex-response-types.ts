// Reads the typed response classes (UpAtNightResponses, and the request classes of UpAtNightContracts they
// reuse) and holds the service's JSON answers against them: every declared field is in the answers with a
// JSON type Apex can deserialize into it, and every field the service sends is declared (Aura serializes only
// declared fields, so an undeclared one never reaches a component).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { classesDir } from './apex-source';

/** outer: the outer class the field is declared in, which its type names are relative to */
export type ApexField = { name: string; type: string; auraEnabled: boolean; outer: string };
export type ApexClass = { name: string; parent?: string; fields: ApexField[] };
export type ApexClasses = Map<string, ApexClass>;

export const RESPONSES_CLASS = 'UpAtNightResponses';
const SHARED_CLASSES = [RESPONSES_CLASS, 'UpAtNightContracts'];

// Apex reserved words a service field may carry (Apex language reference, "Reserved Keywords"): an object
// with such a key cannot be a class, so it travels as Map<String, Object>, and only then.
export const APEX_RESERVED = new Set(
  'abstract and array as asc blob boolean break bulk by case catch class commit continue currency date datetime decimal default delete desc do double else end enum exception extends false final finally for from global group if implements import in insert instanceof int integer interface into join like limit list long map merge new not null nulls number object of on or outer override package private protected public return rollback select set short sobject sort static string super switch system testmethod then this throw time transaction trigger true try undelete update upsert using virtual void webservice when where while'.split(
    ' ',
  ),
);

/** The inner classes of one outer class, keyed "<Outer>.<Inner>". */
export function parseInnerClasses(outer: string, source: string): ApexClasses {
  const classes: ApexClasses = new Map();
  const declaration = /public (?:virtual )?class (\w+)(?: extends ([\w.]+))? \{([^{}]*)\}/g;
  for (const match of source.matchAll(declaration)) {
    const [, name, parent, body] = match as unknown as [string, string, string | undefined, string];
    const fields = [...body.matchAll(/(@AuraEnabled\s+)?public ([\w.<>, ]+?) (\w+);/g)].map((f) => ({
      name: f[3]!,
      type: f[2]!.replace(/\s+/g, ''),
      auraEnabled: Boolean(f[1]),
      outer,
    }));
    classes.set(`${outer}.${name}`, {
      name: `${outer}.${name}`,
      // a parent is an inner class of this outer class, or of another one when qualified
      parent: parent ? (parent.includes('.') ? parent : `${outer}.${parent}`) : undefined,
      fields,
    });
  }
  return classes;
}

export function readResponseClasses(sources: Record<string, string> = {}): ApexClasses {
  const all: ApexClasses = new Map();
  for (const outer of SHARED_CLASSES) {
    const source = sources[outer] ?? readFileSync(path.join(classesDir, `${outer}.cls`), 'utf8');
    for (const [name, apexClass] of parseInnerClasses(outer, source)) all.set(name, apexClass);
  }
  return all;
}

/** Fields named with an Apex reserved word: the org's compiler refuses them, the parser here does not. */
export function reservedFieldNames(classes: ApexClasses): string[] {
  return [...classes.values()].flatMap((c) =>
    c.fields.filter((f) => APEX_RESERVED.has(f.name.toLowerCase())).map((f) => `${c.name}.${f.name}`),
  );
}

/** Declared fields, the parent's first. */
export function fieldsOf(classes: ApexClasses, name: string): ApexField[] {
  const apexClass = classes.get(name);
  if (!apexClass) throw new Error(`unknown Apex class ${name}`);
  return [...(apexClass.parent ? fieldsOf(classes, apexClass.parent) : []), ...apexClass.fields];
}

const SCALARS: Record<string, (v: unknown) => boolean> = {
  String: (v) => typeof v === 'string',
  Id: (v) => typeof v === 'string',
  Boolean: (v) => typeof v === 'boolean',
  Integer: (v) => Number.isInteger(v),
  Long: (v) => Number.isInteger(v),
  Decimal: (v) => typeof v === 'number',
  Double: (v) => typeof v === 'number',
  Object: () => true,
};

function splitGeneric(type: string): string[] {
  // Map<String,List<X>> → ['String', 'List<X>']: split on the top-level comma only
  let depth = 0;
  const parts = [''];
  for (const c of type) {
    if (c === '<') depth++;
    if (c === '>') depth--;
    if (c === ',' && depth === 0) parts.push('');
    else parts[parts.length - 1] += c;
  }
  return parts;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** Walks the service's answers through the declared classes and reports every disagreement. */
export class ResponseCheck {
  readonly problems: string[] = [];
  private readonly seenFields = new Map<string, Set<string>>();
  private readonly usedClasses = new Set<string>();

  constructor(private readonly classes: ApexClasses) {}

  /** Checks one answer of an Apex method against the type it returns. */
  answer(method: string, returnType: string, value: unknown): void {
    if (returnType === 'void') {
      if (value !== null)
        this.problems.push(`${method}: returns void but the service answers ${typeOf(value)}`);
      return;
    }
    this.value(value, this.resolve(returnType, RESPONSES_CLASS), method);
  }

  /** Disagreements in the answers checked so far: types, undeclared fields, fields without @AuraEnabled. */
  mismatches(): string[] {
    return [...new Set(this.problems)];
  }

  /** Problems found so far, plus declared fields no answer carried and classes no answer filled. */
  finish(): string[] {
    const problems = this.mismatches();
    for (const name of [...this.usedClasses].sort()) {
      const seen = this.seenFields.get(name);
      if (!seen) {
        problems.push(`${name}: no answer of the service filled it`);
        continue;
      }
      for (const field of fieldsOf(this.classes, name)) {
        if (!seen.has(field.name))
          problems.push(`${name}.${field.name}: declared in Apex, but no answer of the service has it`);
      }
    }
    return problems;
  }

  private resolve(type: string, outer: string): string {
    if (SCALARS[type] || /^(List|Map)</.test(type)) return type;
    const qualified = type.includes('.') ? type : `${outer}.${type}`;
    if (!this.classes.has(qualified)) throw new Error(`unknown Apex type ${type}`);
    return qualified;
  }

  private value(value: unknown, type: string, at: string, outer = RESPONSES_CLASS): void {
    if (value === null || value === undefined) return;
    const scalar = SCALARS[type];
    if (scalar) {
      if (!scalar(value))
        this.problems.push(`${at}: Apex declares ${type}, the service sends ${JSON.stringify(value)}`);
      return;
    }
    const generic = /^(List|Map)<(.+)>$/.exec(type);
    if (generic?.[1] === 'List') {
      if (!Array.isArray(value))
        this.problems.push(`${at}: Apex declares ${type}, the service sends ${typeOf(value)}`);
      else
        value.forEach((item, i) => this.value(item, this.resolve(generic[2]!, outer), `${at}[${i}]`, outer));
      return;
    }
    if (typeOf(value) !== 'object') {
      this.problems.push(`${at}: Apex declares ${type}, the service sends ${typeOf(value)}`);
      return;
    }
    const object = value as Record<string, unknown>;
    if (generic?.[1] === 'Map') {
      const [, valueType] = splitGeneric(generic[2]!);
      if (valueType === 'Object' && !Object.keys(object).some((k) => APEX_RESERVED.has(k.toLowerCase()))) {
        this.problems.push(
          `${at}: a Map<String, Object> whose keys are all legal Apex names should be a class`,
        );
      }
      for (const [key, item] of Object.entries(object))
        this.value(item, this.resolve(valueType!, outer), `${at}.${key}`, outer);
      return;
    }
    this.usedClasses.add(type);
    const seen = this.seenFields.get(type) ?? new Set<string>();
    this.seenFields.set(type, seen);
    const fields = fieldsOf(this.classes, type);
    for (const field of fields) {
      if (!field.auraEnabled)
        this.problems.push(`${type}.${field.name}: not @AuraEnabled, the component never sees it`);
      if (!(field.name in object)) continue;
      seen.add(field.name);
      this.value(
        object[field.name],
        this.resolve(field.type, field.outer),
        `${at}.${field.name}`,
        field.outer,
      );
    }
    const declared = new Set(fields.map((f) => f.name));
    for (const key of Object.keys(object)) {
      if (!declared.has(key))
        this.problems.push(`${at}.${key}: sent by the service, not declared in ${type}`);
    }
  }
}

// The fake org's data: accounts, record types, opportunities (with the Up at Night roll-up fields)
// and users, each stamped with SystemModstamp on every change, plus generators for large orgs.

import { newId } from './ids';
import { packageFields, type FieldType } from './fields';

export type SObjectRow = Record<string, unknown> & { Id: string; SystemModstamp: string };

/** The roll-up fields the package deploys on Opportunity, read from its metadata like an org would have them. */
export const ROLLUP_FIELDS = [...packageFields().keys()].filter((name) => name.startsWith('UAN_'));

export interface ObjectSchema {
  fields: Map<string, FieldType>;
  updatable: Set<string>;
  /** relationship name → [its Id field, the related object] */
  relations: Record<string, [string, string]>;
}

const id: FieldType = { kind: 'id' };
const stamp: FieldType = { kind: 'datetime' };
const bool: FieldType = { kind: 'boolean' };
const text = (length: number): FieldType => ({ kind: 'text', length });

/** The objects and fields of an org; the package's fields exist only once the package is deployed. */
export function orgSchema(options: { packageDeployed: boolean }): Record<string, ObjectSchema> {
  const schema = (
    fields: Record<string, FieldType>,
    updatable: string[],
    relations: ObjectSchema['relations'] = {},
  ): ObjectSchema => ({ fields: new Map(Object.entries(fields)), updatable: new Set(updatable), relations });
  const rollups = options.packageDeployed ? Object.fromEntries(packageFields()) : {};
  return {
    Opportunity: schema(
      {
        Id: id,
        Name: text(120),
        StageName: { kind: 'picklist', restricted: false, values: [] },
        Amount: { kind: 'number', precision: 18, scale: 2 },
        CloseDate: { kind: 'date' },
        IsClosed: bool,
        IsWon: bool,
        OwnerId: id,
        AccountId: id,
        RecordTypeId: id,
        SystemModstamp: stamp,
        ...rollups,
      },
      [...Object.keys(rollups), 'StageName', 'Amount', 'CloseDate', 'Name'],
      {
        Account: ['AccountId', 'Account'],
        RecordType: ['RecordTypeId', 'RecordType'],
        Owner: ['OwnerId', 'User'],
      },
    ),
    User: schema(
      { Id: id, Name: text(121), ManagerId: id, IsActive: bool, SystemModstamp: stamp },
      ['Name', 'ManagerId', 'IsActive'],
      { Manager: ['ManagerId', 'User'] },
    ),
    Account: schema({ Id: id, Name: text(255), Industry: text(255), SystemModstamp: stamp }, [
      'Name',
      'Industry',
    ]),
    RecordType: schema({ Id: id, Name: text(80), SystemModstamp: stamp }, []),
    Organization: schema({ Id: id, Name: text(80), SystemModstamp: stamp }, []),
  };
}

/** Field and object names are case-insensitive in the API: the declared spelling of `name`, if any. */
export function canonical(names: Iterable<string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const candidate of names) if (candidate.toLowerCase() === lower) return candidate;
  return undefined;
}

const PREFIX: Record<string, string> = {
  Opportunity: '006',
  User: '005',
  Account: '001',
  RecordType: '012',
  Organization: '00D',
};
const STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
];
const INDUSTRIES = ['Banking', 'Healthcare', 'Insurance', 'Retail', 'Utilities', 'Manufacturing'];

/** Salesforce's JSON datetime format: second precision, "+0000". */
export function sfDatetime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('Z', '+0000');
}

export class FakeOrg {
  readonly schema: Record<string, ObjectSchema>;
  readonly tables: Map<string, Map<string, SObjectRow>>;
  readonly deleted = new Set<string>();
  private serial = 0;
  /** the org's clock: tests move it to make changes land after a watermark */
  now = Date.now();

  constructor(options: { packageDeployed?: boolean } = {}) {
    this.schema = orgSchema({ packageDeployed: options.packageDeployed ?? true });
    this.tables = new Map(Object.keys(this.schema).map((name) => [name, new Map()]));
    this.insert('Organization', { Name: 'Fake Org' });
  }

  table(name: string): Map<string, SObjectRow> {
    const table = this.tables.get(name);
    if (!table) throw new Error(`no sObject ${name}`);
    return table;
  }

  private nextId(object: string): string {
    this.serial += 1;
    return newId(PREFIX[object]!, this.serial);
  }

  insert(object: string, fields: Record<string, unknown>, stampMs = this.now): SObjectRow {
    const row: SObjectRow = {
      Id: (fields.Id as string) ?? this.nextId(object),
      ...fields,
      SystemModstamp: sfDatetime(stampMs),
    };
    this.table(object).set(row.Id, row);
    return row;
  }

  /** Changes a record as a user in the org would: its SystemModstamp moves to the org's clock. */
  update(object: string, id: string, fields: Record<string, unknown>): SObjectRow {
    const row = this.table(object).get(id);
    if (!row) throw new Error(`no ${object} ${id}`);
    Object.assign(row, fields, { SystemModstamp: sfDatetime(this.now) });
    return row;
  }

  delete(object: string, id: string): void {
    this.table(object).delete(id);
    this.deleted.add(id);
  }

  /** Reads a field or a relationship path (Account.Industry) of a row. */
  read(object: string, row: SObjectRow, path: string): unknown {
    const [head, ...rest] = path.split('.');
    if (rest.length === 0) return row[head!] ?? null;
    const relation = this.schema[object]!.relations[head!];
    if (!relation) return undefined;
    const target = this.tables.get(relation[1])!.get(row[relation[0]] as string);
    return target ? this.read(relation[1], target, rest.join('.')) : null;
  }

  /**
   * A large org: accounts, a manager hierarchy of users, and opportunities spread over the past,
   * one SystemModstamp second per record (several records may share one, as in real loads).
   */
  generate(options: { opportunities?: number; users?: number; accounts?: number; startMs?: number }): void {
    const start = options.startMs ?? this.now - 30 * 86400_000;
    const users: string[] = [];
    for (let i = 0; i < (options.users ?? 0); i++) {
      // a tree: user i reports to user floor((i-1)/5), so there are levels of managers
      const managerId = i === 0 ? null : users[Math.floor((i - 1) / 5)]!;
      users.push(
        this.insert(
          'User',
          { Name: `User ${i}`, ManagerId: managerId, IsActive: i % 17 !== 16 },
          start + i * 1000,
        ).Id,
      );
    }
    const accounts: string[] = [];
    for (
      let i = 0;
      i < (options.accounts ?? Math.max(1, Math.ceil((options.opportunities ?? 0) / 10)));
      i++
    ) {
      accounts.push(
        this.insert('Account', { Name: `Account ${i}`, Industry: INDUSTRIES[i % INDUSTRIES.length] }, start)
          .Id,
      );
    }
    const recordType = this.insert('RecordType', { Name: 'New Business' }, start).Id;
    const owners =
      users.length > 0
        ? users
        : [this.insert('User', { Name: 'Owner', ManagerId: null, IsActive: true }, start).Id];
    for (let i = 0; i < (options.opportunities ?? 0); i++) {
      const stage = STAGES[i % STAGES.length]!;
      this.insert(
        'Opportunity',
        {
          Name: `Opportunity ${i}`,
          StageName: stage,
          Amount: 10000 + (i % 100) * 1000,
          CloseDate: '2027-03-31',
          IsClosed: stage.startsWith('Closed'),
          IsWon: stage === 'Closed Won',
          OwnerId: owners[i % owners.length],
          AccountId: accounts[i % accounts.length],
          RecordTypeId: recordType,
          ...Object.fromEntries(
            ROLLUP_FIELDS.filter((f) => this.schema.Opportunity!.fields.has(f)).map((f) => [f, null]),
          ),
        },
        // two records per second, so some share a SystemModstamp
        start + Math.floor(i / 2) * 1000,
      );
    }
  }
}

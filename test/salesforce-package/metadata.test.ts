// The offline Salesforce converters validate little (a class without its -meta.xml is silently dropped), so this
// check reads force-app itself: XML well-formed, meta files present, and every cross-reference resolving.
// UAN_FORCE_APP_DIR points it at another copy of force-app/main/default (used to try it against stubs).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { auraEnabledMethods, helpersPath, readControllers } from './apex-source';
import { sourceApiVersion } from './package-files';
import { ROLLUP_FIELD_NAMES } from '../../service/src/features/salesforce/rollups';

const root = process.env.UAN_FORCE_APP_DIR ?? path.resolve(__dirname, '../../force-app/main/default');
const API_VERSION = sourceApiVersion();
const NAMED_BUNDLES = ['opportunityConversation', 'promptSetManager', 'conversationDashboard'];
// what the service writes back must be exactly the fields the package deploys
const ROLLUP_FIELDS = ROLLUP_FIELD_NAMES;

// Every user has the rep set; the elevated sets add the controllers of their audience.
const CONTROLLERS_BY_ROLE: Record<string, string[]> = {
  UpAtNight_Rep: ['UpAtNightPanelController'],
  UpAtNight_SalesOps: [
    'UpAtNightAnalyticsController',
    'UpAtNightPromptSetController',
    'UpAtNightSettingsController',
  ],
  UpAtNight_Manager: ['UpAtNightAnalyticsController'],
};
// Standard fields the package may reference; relationship names resolve to their objects.
const STANDARD_FIELDS: Record<string, string[]> = {
  Opportunity: [
    'Id',
    'Name',
    'AccountId',
    'Amount',
    'CloseDate',
    'StageName',
    'Probability',
    'Type',
    'LeadSource',
    'NextStep',
    'Description',
    'IsClosed',
    'IsWon',
    'OwnerId',
    'RecordTypeId',
    'ForecastCategoryName',
    'ExpectedRevenue',
    'CampaignId',
    'ContactId',
    'CreatedDate',
    'CreatedById',
    'LastModifiedDate',
    'LastModifiedById',
    'LastActivityDate',
    'FiscalYear',
    'FiscalQuarter',
    'CurrencyIsoCode',
  ],
  Account: ['Id', 'Name', 'Industry', 'Type', 'OwnerId', 'AnnualRevenue', 'NumberOfEmployees', 'Website'],
  User: ['Id', 'Name', 'FirstName', 'LastName', 'ManagerId', 'Email'],
  RecordType: ['Id', 'Name', 'DeveloperName'],
};
const RELATIONSHIPS: Record<string, string> = {
  'Opportunity.Account': 'Account',
  'Opportunity.Owner': 'User',
  'Opportunity.RecordType': 'RecordType',
  'Opportunity.CreatedBy': 'User',
  'Opportunity.LastModifiedBy': 'User',
};

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: true });

type Xml = Record<string, unknown>;

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

function list<T = Xml>(value: unknown): T[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}

function readXml(file: string, rootElement: string): Xml {
  const parsed = parser.parse(readFileSync(file, 'utf8')) as Xml;
  const element = parsed[rootElement];
  if (!element || typeof element !== 'object')
    throw new Error(`${file}: root element ${rootElement} expected`);
  return element as Xml;
}

function filesIn(folder: string, suffix: string): string[] {
  const dir = path.join(root, folder);
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(suffix)) : [];
}

function namesIn(folder: string, suffix: string): Set<string> {
  return new Set(filesIn(folder, suffix).map((n) => n.slice(0, -suffix.length)));
}

const rel = (file: string) => path.relative(root, file);
const classes = namesIn('classes', '.cls');
const fields = namesIn('objects/Opportunity/fields', '.field-meta.xml');
const tabs = namesIn('tabs', '.tab-meta.xml');
const apps = namesIn('applications', '.app-meta.xml');
const flexipages = namesIn('flexipages', '.flexipage-meta.xml');
const customPermissions = namesIn('customPermissions', '.customPermission-meta.xml');
const externalCredentials = namesIn('externalCredentials', '.externalCredential-meta.xml');
const bundles = existsSync(path.join(root, 'lwc'))
  ? readdirSync(path.join(root, 'lwc')).filter(
      (n) => statSync(path.join(root, 'lwc', n)).isDirectory() && !n.startsWith('.') && !n.startsWith('__'),
    )
  : [];
const lwcSources = bundles.flatMap((b) =>
  walk(path.join(root, 'lwc', b)).filter((f) => /\.(js|ts|html)$/.test(f)),
);

function fieldExists(object: string, field: string): boolean {
  if (field.includes('.')) {
    const [relationship, rest] = [field.slice(0, field.indexOf('.')), field.slice(field.indexOf('.') + 1)];
    const target = RELATIONSHIPS[`${object}.${relationship}`];
    return target !== undefined && fieldExists(target, rest);
  }
  if (field.endsWith('__c')) return object === 'Opportunity' && fields.has(field);
  return (STANDARD_FIELDS[object] ?? []).includes(field);
}

function principals(externalCredential: string): string[] {
  const file = path.join(root, 'externalCredentials', `${externalCredential}.externalCredential-meta.xml`);
  return list(readXml(file, 'ExternalCredential').externalCredentialParameters)
    .filter((p) => p.parameterType === 'NamedPrincipal' || p.parameterType === 'PerUserPrincipal')
    .map((p) => String(p.parameterGroup ?? p.parameterName));
}

describe('XML under force-app/main/default', () => {
  const xmlFiles = walk(root).filter((f) => f.endsWith('.xml'));

  it('when the folder is read, then it has XML files to check', () => {
    expect(xmlFiles.length).toBeGreaterThan(20);
  });

  it.each(xmlFiles.map((f) => [rel(f), f]))('when %s is read, then it is well-formed XML', (_name, file) => {
    expect(XMLValidator.validate(readFileSync(file, 'utf8'))).toBe(true);
  });

  it('when a meta file declares an API version, then it is the project version', () => {
    const wrong = xmlFiles.filter((f) => {
      const match = /<apiVersion>([^<]*)<\/apiVersion>/.exec(readFileSync(f, 'utf8'));
      return match !== null && match[1] !== API_VERSION;
    });
    expect(wrong.map(rel)).toEqual([]);
  });
});

describe('Apex classes', () => {
  it.each([...classes].map((c) => [c]))(
    'when %s.cls is deployed, then its meta file says the project API version and Active',
    (name) => {
      const file = path.join(root, 'classes', `${name}.cls-meta.xml`);
      expect(existsSync(file)).toBe(true);
      const meta = readXml(file, 'ApexClass');
      expect({ apiVersion: meta.apiVersion, status: meta.status }).toEqual({
        apiVersion: API_VERSION,
        status: 'Active',
      });
    },
  );

  it('when a class meta file exists, then its class exists too', () => {
    const orphans = [...namesIn('classes', '.cls-meta.xml')].filter((n) => !classes.has(n));
    expect(orphans).toEqual([]);
  });

  it('when the client calls out, then it uses the Named Credential that is in the package', () => {
    const client = readFileSync(path.join(root, 'classes/UpAtNightServiceClient.cls'), 'utf8');
    const endpoint = /'callout:(\w+)'/.exec(client)?.[1];
    expect(endpoint).toBeDefined();
    expect(existsSync(path.join(root, 'namedCredentials', `${endpoint}.namedCredential-meta.xml`))).toBe(
      true,
    );
    expect(client).not.toMatch(/https?:\/\//);
    expect(client).not.toMatch(/setHeader\('Authorization'/);
  });

  it('when the controllers check custom permissions, then they are in the package', () => {
    const controller = readFileSync(helpersPath, 'utf8');
    const used = [...controller.matchAll(/PERMISSION_\w+ = '(\w+)'/g)].map((m) => m[1]!);
    expect(used.sort()).toEqual(['UpAtNight_Manager', 'UpAtNight_SalesOps']);
    expect(used.filter((p) => !customPermissions.has(p))).toEqual([]);
  });
});

describe('Opportunity roll-up fields', () => {
  it('when the object folder is read, then every roll-up field is there', () => {
    expect([...fields].sort()).toEqual([...ROLLUP_FIELDS].sort());
  });

  it.each([...fields].map((f) => [f]))('when %s is read, then it is complete and documented', (name) => {
    const field = readXml(
      path.join(root, 'objects/Opportunity/fields', `${name}.field-meta.xml`),
      'CustomField',
    );
    expect(field.fullName).toBe(name);
    expect(String(field.label ?? '').length).toBeGreaterThan(0);
    expect(String(field.label).length).toBeLessThanOrEqual(40);
    expect(String(field.description ?? '').length).toBeGreaterThan(20);
    expect(String(field.inlineHelpText ?? '').length).toBeGreaterThan(20);
    expect(String(field.inlineHelpText).length).toBeLessThanOrEqual(510);
    const expected: Record<string, Xml> = {
      UAN_Last_Conversation_Date__c: { type: 'Date' },
      UAN_Conversation_Count__c: { type: 'Number', precision: '6', scale: '0' },
      UAN_Last_Reaction__c: { type: 'Picklist' },
    };
    const shape = expected[name] ?? { type: 'Number', precision: '3', scale: '0' };
    for (const [key, value] of Object.entries(shape)) expect({ [key]: field[key] }).toEqual({ [key]: value });
  });

  it('when the last reaction picklist is read, then it holds the four reactions with labels', () => {
    const field = readXml(
      path.join(root, 'objects/Opportunity/fields/UAN_Last_Reaction__c.field-meta.xml'),
      'CustomField',
    );
    const valueSet = field.valueSet as Xml;
    const values = list((valueSet.valueSetDefinition as Xml).value);
    expect(values.map((v) => v.fullName)).toEqual([
      'new_to_them',
      'already_addressing',
      'redirected',
      'dismissed',
    ]);
    expect(values.every((v) => String(v.label ?? '').length > 0)).toBe(true);
    expect(valueSet.restricted).toBe('true');
  });
});

describe('LWC bundles', () => {
  it.each(bundles.map((b) => [b]))(
    'when %s is read, then it has its JS, template and meta file',
    (bundle) => {
      const dir = path.join(root, 'lwc', bundle);
      const jsFile = [`${bundle}.js`, `${bundle}.ts`].map((n) => path.join(dir, n)).find(existsSync);
      expect({ bundle, js: jsFile !== undefined }).toEqual({ bundle, js: true });
      const js = readFileSync(jsFile!, 'utf8');
      const isComponent = /extends\s+(LightningElement|LightningModal|NavigationMixin|\w+Mixin)/.test(js);
      const hasTemplate = existsSync(path.join(dir, `${bundle}.html`)) || /\brender\s*\(/.test(js);
      // A module without a class (e.g. shared utilities) needs no template; a component does.
      expect({ bundle, componentWithoutTemplate: isComponent && !hasTemplate }).toEqual({
        bundle,
        componentWithoutTemplate: false,
      });
      const metaFile = path.join(dir, `${bundle}.js-meta.xml`);
      expect({ bundle, meta: existsSync(metaFile) }).toEqual({ bundle, meta: true });
      const meta = readXml(metaFile, 'LightningComponentBundle');
      expect({ bundle, apiVersion: meta.apiVersion }).toEqual({ bundle, apiVersion: API_VERSION });
      expect({ bundle, masterLabel: String(meta.masterLabel ?? '').length > 0 }).toEqual({
        bundle,
        masterLabel: true,
      });
      if (meta.isExposed === 'true') {
        const targets = list<string>((meta.targets as Xml | undefined)?.target);
        expect({ bundle, targets: targets.length > 0 }).toEqual({ bundle, targets: true });
      }
    },
  );

  it('when a component imports a custom label, then the label is defined', () => {
    const labelsFile = path.join(root, 'labels/CustomLabels.labels-meta.xml');
    const defined = existsSync(labelsFile)
      ? new Set(list(readXml(labelsFile, 'CustomLabels').labels).map((l) => String(l.fullName)))
      : new Set<string>();
    const missing = lwcSources.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/@salesforce\/label\/c\.(\w+)/g)]
        .map((m) => m[1]!)
        .filter((label) => !defined.has(label))
        .map((label) => `${rel(file)}: c.${label}`),
    );
    expect(missing).toEqual([]);
  });

  it('when labels are defined, then each is complete and defined once', () => {
    const labelsFile = path.join(root, 'labels/CustomLabels.labels-meta.xml');
    if (!existsSync(labelsFile)) {
      expect(lwcSources.filter((f) => readFileSync(f, 'utf8').includes('@salesforce/label/'))).toEqual([]);
      return;
    }
    const labels = list(readXml(labelsFile, 'CustomLabels').labels);
    const names = labels.map((l) => String(l.fullName));
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    const incomplete = labels.filter(
      (l) => !l.value || !l.language || l.protected === undefined || !l.shortDescription,
    );
    expect(incomplete.map((l) => l.fullName)).toEqual([]);
  });

  it('when a component imports an Apex method, then that controller has it as @AuraEnabled', () => {
    const methods = new Set(
      readControllers()
        .filter((c) => classes.has(c.name))
        .flatMap((c) => auraEnabledMethods(c.source).map((m) => `${c.name}.${m.name}`)),
    );
    const missing = lwcSources.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/@salesforce\/apex\/(\w+\.\w+)/g)]
        .map((m) => m[1]!)
        .filter((ref) => !methods.has(ref))
        .map((ref) => `${rel(file)}: ${ref}`),
    );
    expect(missing).toEqual([]);
  });

  it('when a component imports a schema field, then the field exists', () => {
    const missing = lwcSources.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/@salesforce\/schema\/(\w+)(?:\.([\w.]+))?/g)]
        .filter(([, object, field]) => (field ? !fieldExists(object!, field) : !(object! in STANDARD_FIELDS)))
        .map(([ref]) => `${rel(file)}: ${ref}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('permission sets', () => {
  const permissionSets = namesIn('permissionsets', '.permissionset-meta.xml');
  const read = (name: string) =>
    readXml(path.join(root, 'permissionsets', `${name}.permissionset-meta.xml`), 'PermissionSet');

  it('when the folder is read, then the four permission sets are there', () => {
    expect([...permissionSets].sort()).toEqual([
      'UpAtNight_Integration',
      'UpAtNight_Manager',
      'UpAtNight_Rep',
      'UpAtNight_SalesOps',
    ]);
  });

  it.each([...permissionSets].map((p) => [p]))(
    'when %s is read, then everything it grants exists',
    (name) => {
      const set = read(name);
      const problems: string[] = [];
      expect(String(set.label ?? '').length).toBeGreaterThan(0);
      expect(String(set.description ?? '').length).toBeGreaterThan(20);
      for (const p of list(set.fieldPermissions)) {
        const [object, field] = String(p.field).split('.') as [string, string];
        if (!fieldExists(object, field)) problems.push(`field ${p.field}`);
      }
      for (const p of list(set.classAccesses))
        if (!classes.has(String(p.apexClass))) problems.push(`class ${p.apexClass}`);
      for (const p of list(set.tabSettings)) {
        const tab = String(p.tab);
        if (!tab.startsWith('standard-') && !tabs.has(tab)) problems.push(`tab ${tab}`);
      }
      for (const p of list(set.applicationVisibilities))
        if (!apps.has(String(p.application))) problems.push(`app ${p.application}`);
      for (const p of list(set.customPermissions))
        if (!customPermissions.has(String(p.name))) problems.push(`custom permission ${p.name}`);
      for (const p of list(set.externalCredentialPrincipalAccesses)) {
        const [credential, principal] = String(p.externalCredentialPrincipal).split('-') as [string, string];
        if (!externalCredentials.has(credential) || !principals(credential).includes(principal)) {
          problems.push(`principal ${p.externalCredentialPrincipal}`);
        }
      }
      for (const p of list(set.objectPermissions))
        if (!(String(p.object) in STANDARD_FIELDS)) problems.push(`object ${p.object}`);
      expect(problems).toEqual([]);
    },
  );

  it('when people get a role, then they read every roll-up field, write none, and may call the service', () => {
    for (const name of ['UpAtNight_Rep', 'UpAtNight_SalesOps', 'UpAtNight_Manager']) {
      const set = read(name);
      const granted = list(set.fieldPermissions).map((p) => ({
        field: p.field,
        readable: p.readable,
        editable: p.editable,
      }));
      expect({ name, granted }).toEqual({
        name,
        granted: expect.arrayContaining(
          ROLLUP_FIELDS.map((f) => ({ field: `Opportunity.${f}`, readable: 'true', editable: 'false' })),
        ),
      });
      expect({ name, editable: list(set.fieldPermissions).filter((p) => p.editable === 'true') }).toEqual({
        name,
        editable: [],
      });
      expect({ name, classes: list(set.classAccesses) }).toEqual({
        name,
        classes: CONTROLLERS_BY_ROLE[name]!.map((apexClass) => ({ apexClass, enabled: 'true' })),
      });
      expect(list(set.applicationVisibilities)).toEqual([{ application: 'UpAtNight', visible: 'true' }]);
      expect(list(set.externalCredentialPrincipalAccesses).length).toBe(1);
    }
    // every controller is granted to the audience it serves
    expect([...new Set(Object.values(CONTROLLERS_BY_ROLE).flat())].sort()).toEqual(
      readControllers()
        .map((c) => c.name)
        .sort(),
    );
    const customPermissionsOf = (name: string) => list(read(name).customPermissions).map((p) => p.name);
    expect(customPermissionsOf('UpAtNight_Rep')).toEqual([]);
    expect(customPermissionsOf('UpAtNight_SalesOps')).toEqual(['UpAtNight_SalesOps']);
    expect(customPermissionsOf('UpAtNight_Manager')).toEqual(['UpAtNight_Manager']);
    const tabsOf = (name: string) =>
      list(read(name).tabSettings)
        .map((t) => t.tab)
        .sort();
    expect(tabsOf('UpAtNight_SalesOps')).toEqual(['UpAtNight_Dashboard', 'UpAtNight_Prompt_Sets']);
    expect(tabsOf('UpAtNight_Manager')).toEqual(['UpAtNight_Dashboard']);
  });

  it('when the service integration user is set up, then it can write the roll-ups but not delete or modify all', () => {
    const set = read('UpAtNight_Integration');
    expect(
      list(set.fieldPermissions)
        .map((p) => ({ field: p.field, editable: p.editable }))
        .sort((a, b) => String(a.field).localeCompare(String(b.field))),
    ).toEqual([...ROLLUP_FIELDS].sort().map((f) => ({ field: `Opportunity.${f}`, editable: 'true' })));
    const objects = list(set.objectPermissions);
    expect(objects.map((o) => o.object).sort()).toEqual(['Account', 'Opportunity']);
    expect(
      objects.every(
        (o) => o.allowDelete === 'false' && o.modifyAllRecords === 'false' && o.allowRead === 'true',
      ),
    ).toBe(true);
    expect(
      list(set.userPermissions)
        .map((p) => p.name)
        .sort(),
    ).toEqual(['ApiEnabled', 'ViewAllUsers']);
    expect(list(set.classAccesses)).toEqual([]);
  });
});

describe('pages, tabs and the app', () => {
  const flexipage = (name: string) =>
    readXml(path.join(root, 'flexipages', `${name}.flexipage-meta.xml`), 'FlexiPage');
  const componentsOf = (page: Xml) =>
    list(page.flexiPageRegions).flatMap((r) =>
      list(r.itemInstances).map((i) => String((i.componentInstance as Xml | undefined)?.componentName ?? '')),
    );
  const localName = (component: string) => (component.startsWith('c:') ? component.slice(2) : component);
  const isLocal = (component: string) => component.startsWith('c:') || !component.includes(':');

  it.each([...flexipages].map((f) => [f]))(
    'when %s is read, then every component it places exists',
    (name) => {
      const page = flexipage(name);
      const components = componentsOf(page);
      expect(components.length).toBeGreaterThan(0);
      expect(components.filter((c) => isLocal(c) && !bundles.includes(localName(c)))).toEqual([]);
      expect(String(page.masterLabel ?? '').length).toBeGreaterThan(0);
      expect(['AppPage', 'RecordPage']).toContain(page.type);
    },
  );

  it('when the three experiences are placed, then each named bundle is on its page with a matching target', () => {
    const placements: Record<string, { page: string; target: string; object?: string }> = {
      opportunityConversation: {
        page: 'UpAtNight_Opportunity_Record_Page',
        target: 'lightning__RecordPage',
        object: 'Opportunity',
      },
      promptSetManager: { page: 'UpAtNight_Prompt_Sets', target: 'lightning__AppPage' },
      conversationDashboard: { page: 'UpAtNight_Dashboard', target: 'lightning__AppPage' },
    };
    for (const bundle of NAMED_BUNDLES) {
      const { page, target, object } = placements[bundle]!;
      expect({ bundle, page, placed: componentsOf(flexipage(page)).map(localName).includes(bundle) }).toEqual(
        {
          bundle,
          page,
          placed: true,
        },
      );
      expect({ bundle, exists: bundles.includes(bundle) }).toEqual({ bundle, exists: true });
      const meta = readXml(
        path.join(root, 'lwc', bundle, `${bundle}.js-meta.xml`),
        'LightningComponentBundle',
      );
      expect({ bundle, isExposed: meta.isExposed }).toEqual({ bundle, isExposed: 'true' });
      expect({ bundle, targets: list<string>((meta.targets as Xml).target) }).toEqual({
        bundle,
        targets: expect.arrayContaining([target]),
      });
      if (object) {
        const config = list((meta.targetConfigs as Xml | undefined)?.targetConfig).find((c) =>
          String(c['@_targets'] ?? '')
            .split(',')
            .map((t) => t.trim())
            .includes(target),
        );
        const objects = list<string>((config?.objects as Xml | undefined)?.object);
        expect({ bundle, objects: objects.length === 0 || objects.includes(object) }).toEqual({
          bundle,
          objects: true,
        });
      }
    }
    expect(flexipage('UpAtNight_Opportunity_Record_Page').sobjectType).toBe('Opportunity');
    expect(componentsOf(flexipage('UpAtNight_Opportunity_Record_Page'))).toEqual(
      expect.arrayContaining(['force:highlightsPanel', 'force:detailPanel']),
    );
  });

  it.each([...tabs].map((t) => [t]))('when tab %s is read, then it opens an existing app page', (name) => {
    const tab = readXml(path.join(root, 'tabs', `${name}.tab-meta.xml`), 'CustomTab');
    expect(flexipages.has(String(tab.flexiPage))).toBe(true);
    expect(flexipage(String(tab.flexiPage)).type).toBe('AppPage');
    expect(String(tab.label ?? '').length).toBeGreaterThan(0);
    expect(String(tab.motif ?? '').length).toBeGreaterThan(0);
  });

  it('when the app is read, then its tabs exist and Opportunity opens on the package record page', () => {
    const app = readXml(path.join(root, 'applications/UpAtNight.app-meta.xml'), 'CustomApplication');
    const appTabs = list<string>(app.tabs);
    expect(appTabs).toEqual([
      'standard-Opportunity',
      'UpAtNight_Prompt_Sets',
      'UpAtNight_Dashboard',
      'standard-report',
      'standard-Dashboard',
    ]);
    expect(appTabs.filter((t) => !t.startsWith('standard-') && !tabs.has(t))).toEqual([]);
    expect(app.uiType).toBe('Lightning');
    const overrides = [...list(app.actionOverrides), ...list(app.profileActionOverrides)];
    expect(overrides.length).toBeGreaterThan(0);
    for (const override of overrides) {
      expect(override.type).toBe('Flexipage');
      expect(override.actionName).toBe('View');
      const page = flexipage(String(override.content));
      expect({ type: page.type, object: page.sobjectType }).toEqual({
        type: 'RecordPage',
        object: override.pageOrSobjectType,
      });
    }
  });
});

describe('native reports and the dashboard', () => {
  const reportTypes = namesIn('reportTypes', '.reportType-meta.xml');
  const reportFiles = walk(path.join(root, 'reports')).filter((f) => f.endsWith('.report-meta.xml'));
  const dashboardFiles = walk(path.join(root, 'dashboards')).filter((f) => f.endsWith('.dashboard-meta.xml'));
  const reportName = (file: string) =>
    path.relative(path.join(root, 'reports'), file).replace(/\.report-meta\.xml$/, '');
  // Report columns of a custom report type: Opportunity$<field of one of its sections>
  const columnsOf = (type: string) =>
    new Set(
      list(
        readXml(path.join(root, 'reportTypes', `${type}.reportType-meta.xml`), 'ReportType').sections,
      ).flatMap((s) => list(s.columns).map((c) => `${c.table}$${c.field}`)),
    );

  it('when the report type is read, then it is deployed on Opportunity and offers every roll-up field', () => {
    expect([...reportTypes]).toEqual(['UpAtNight_Opportunities']);
    const type = readXml(
      path.join(root, 'reportTypes/UpAtNight_Opportunities.reportType-meta.xml'),
      'ReportType',
    );
    expect({ baseObject: type.baseObject, deployed: type.deployed }).toEqual({
      baseObject: 'Opportunity',
      deployed: 'true',
    });
    const columns = columnsOf('UpAtNight_Opportunities');
    expect(ROLLUP_FIELDS.filter((f) => !columns.has(`Opportunity$${f}`))).toEqual([]);
    expect(
      [...columns].filter((c) => !fieldExists('Opportunity', c.split('$')[1]!.replace(/^Owner$/, 'OwnerId'))),
    ).toEqual([]);
  });

  it('when the reports are read, then there are the three questions, in the package folder, on the report type', () => {
    expect(reportFiles.map(reportName).sort()).toEqual([
      'UpAtNight/UpAtNight_Coverage_By_Stage',
      'UpAtNight/UpAtNight_Quality_By_Owner',
      'UpAtNight/UpAtNight_Win_Rate_By_Score_Band',
    ]);
    expect(existsSync(path.join(root, 'reports/UpAtNight.reportFolder-meta.xml'))).toBe(true);
  });

  it.each(reportFiles.map((f) => [reportName(f), f]))(
    'when report %s is read, then every column it uses exists',
    (_name, file) => {
      const report = readXml(file, 'Report');
      const type = String(report.reportType).replace(/__c$/, '');
      expect(reportTypes.has(type)).toBe(true);
      const known = new Set([
        ...columnsOf(type),
        ...list(report.buckets).map((b) => String(b.developerName)),
        'RowCount',
      ]);
      const chart = (report.chart ?? {}) as Xml;
      const used = [
        ...list(report.columns).map((c) => c.field),
        ...list(report.groupingsDown).map((g) => g.field),
        ...list((report.filter as Xml | undefined)?.criteriaItems).map((c) => c.column),
        ...list(report.buckets).map((b) => b.sourceColumnName),
        ...list(chart.chartSummaries).map((s) => s.column),
        chart.groupingColumn,
        chart.secondaryGroupingColumn,
        (report.timeFrameFilter as Xml | undefined)?.dateColumn,
      ]
        .filter((c) => c !== undefined)
        .map(String);
      expect(used.filter((c) => !known.has(c))).toEqual([]);
    },
  );

  it('when the dashboard is read, then it shows each report, in the package folder, as the viewer', () => {
    expect(dashboardFiles.map((f) => path.basename(f))).toEqual([
      'UpAtNight_Conversation_Quality.dashboard-meta.xml',
    ]);
    expect(existsSync(path.join(root, 'dashboards/UpAtNight.dashboardFolder-meta.xml'))).toBe(true);
    const dashboard = readXml(dashboardFiles[0]!, 'Dashboard');
    expect(dashboard.dashboardType).toBe('LoggedInUser');
    const shown = list((dashboard.dashboardGridLayout as Xml).dashboardGridComponents).map((c) =>
      String((c.dashboardComponent as Xml).report),
    );
    expect(shown.sort()).toEqual(reportFiles.map(reportName).sort());
  });

  it('when the folders are read, then every internal user may open them read-only', () => {
    for (const [file, type] of [
      ['reports/UpAtNight.reportFolder-meta.xml', 'ReportFolder'],
      ['dashboards/UpAtNight.dashboardFolder-meta.xml', 'DashboardFolder'],
    ] as const) {
      const folder = readXml(path.join(root, file), type);
      expect({ file, accessType: folder.accessType, access: folder.publicFolderAccess }).toEqual({
        file,
        accessType: 'Public',
        access: 'ReadOnly',
      });
    }
  });
});

describe('credentials', () => {
  it('when the Named Credential is read, then it is a secured endpoint over the package External Credential', () => {
    const credential = readXml(
      path.join(root, 'namedCredentials/UpAtNightService.namedCredential-meta.xml'),
      'NamedCredential',
    );
    expect(credential.namedCredentialType).toBe('SecuredEndpoint');
    // the API key header is the External Credential's own formula; no header Apex sets may carry merge fields
    expect(credential.allowMergeFieldsInHeader).toBe('false');
    expect(credential.allowMergeFieldsInBody).toBe('false');
    expect(credential.generateAuthorizationHeader).toBe('false');
    const params = list(credential.namedCredentialParameters);
    expect(params.find((p) => p.parameterType === 'Url')?.parameterValue).toMatch(/^https:\/\//);
    const auth = params.find((p) => p.parameterType === 'Authentication');
    expect(externalCredentials.has(String(auth?.externalCredential))).toBe(true);
  });

  it('when the External Credential is read, then it has a named principal and a Bearer header from its ApiKey', () => {
    const credential = readXml(
      path.join(root, 'externalCredentials/UpAtNightService.externalCredential-meta.xml'),
      'ExternalCredential',
    );
    expect(credential.authenticationProtocol).toBe('Custom');
    expect(principals('UpAtNightService')).toEqual(['UpAtNightOrg']);
    const header = list(credential.externalCredentialParameters).find(
      (p) => p.parameterType === 'AuthHeader',
    );
    expect(header?.parameterName).toBe('Authorization');
    // Exactly this text: no whitespace may surround the formula, or it would end up in the header.
    expect(header?.parameterValue).toBe("{!'Bearer ' & $Credential.UpAtNightService.ApiKey}");
    expect(
      readFileSync(
        path.join(root, 'externalCredentials/UpAtNightService.externalCredential-meta.xml'),
        'utf8',
      ),
    ).not.toMatch(/<parameterValue>\s+\S/);
  });

  it('when the custom permissions are read, then both elevated roles are there and documented', () => {
    expect([...customPermissions].sort()).toEqual(['UpAtNight_Manager', 'UpAtNight_SalesOps']);
    for (const name of customPermissions) {
      const permission = readXml(
        path.join(root, 'customPermissions', `${name}.customPermission-meta.xml`),
        'CustomPermission',
      );
      expect(String(permission.label ?? '').length).toBeGreaterThan(0);
      expect(String(permission.description ?? '').length).toBeGreaterThan(20);
    }
  });
});

describe('static resources', () => {
  it('when a resource is in the folder, then it has its meta file', () => {
    const dir = path.join(root, 'staticresources');
    const resources = existsSync(dir)
      ? readdirSync(dir).filter((n) => !n.endsWith('.resource-meta.xml') && !n.startsWith('.'))
      : [];
    const missing = resources.filter((n) => {
      const base = n.includes('.') ? n.slice(0, n.lastIndexOf('.')) : n;
      return !existsSync(path.join(dir, `${base}.resource-meta.xml`));
    });
    expect(missing).toEqual([]);
  });
});

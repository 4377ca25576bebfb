// apex-routes.json is the one mapping from controller method to service request; the local preview reads it.
// These tests hold it and every UpAtNight*Controller.cls to each other, in both directions.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  auraEnabledMethods,
  repoRoot,
  readControllers,
  readRoutes,
  routeMismatches,
  routeOf,
  type Controller,
  type Route,
} from './apex-source';

const controllers = readControllers();
const routes = readRoutes();
const methods = controllers.flatMap((c) =>
  auraEnabledMethods(c.source).map((m) => ({ ...m, controller: c.name })),
);
const routeOfMethod = (m: (typeof methods)[number]) => routeOf(m, m.controller);

/** The controllers with one controller's source changed; the change must happen. */
function mutate(controller: string, change: (source: string) => string): Controller[] {
  return controllers.map((c) => {
    if (c.name !== controller) return c;
    const source = change(c.source);
    expect(source).not.toBe(c.source);
    return { ...c, source };
  });
}

describe('apex-routes.json against the controllers', () => {
  it('when both are read, then every @AuraEnabled method matches its entry and no entry lacks a method', () => {
    expect(routeMismatches(controllers, routes)).toEqual([]);
  });

  it('when the classes are read, then there is one controller per audience', () => {
    expect(controllers.map((c) => c.name)).toEqual([
      'UpAtNightAccountController',
      'UpAtNightAnalyticsController',
      'UpAtNightPanelController',
      'UpAtNightPromptSetController',
      'UpAtNightSettingsController',
    ]);
  });

  it('when the controllers are read, then they expose the methods of the contract', () => {
    const byController = Object.fromEntries(
      controllers.map((c) => [c.name, auraEnabledMethods(c.source).map((m) => m.name)]),
    );
    expect(byController).toEqual({
      UpAtNightAccountController: ['getInsideView', 'updateInsideViewEntry', 'getBrief'],
      UpAtNightPanelController: [
        'getPanel',
        'scoreDraft',
        'saveNote',
        'getNotes',
        'updateNote',
        'deleteNote',
      ],
      UpAtNightPromptSetController: [
        'listPromptSets',
        'getPromptSetVersion',
        'createPromptSet',
        'createDraftVersion',
        'saveDraft',
        'publishVersion',
        'retireVersion',
        'exportPromptSet',
        'importPromptSet',
        'previewPrompts',
        'previewVersion',
        'republishVersion',
        'promoteCandidate',
      ],
      UpAtNightSettingsController: ['getSettings', 'saveSettings', 'startRescore', 'getJob'],
      UpAtNightAnalyticsController: [
        'getDashboard',
        'getPromptEffectiveness',
        'getDrilldown',
        'getBandDeals',
      ],
    });
  });

  it('when a method answers, then it returns the typed answer, except the exported file as text', () => {
    const text = methods.filter((m) => routeOfMethod(m).returns === 'text').map((m) => m.name);
    expect(text).toEqual(['exportPromptSet']);
  });

  it('when a method only reads, then it may be cacheable: the inside view and the notes; the panel and the brief store the deal context', () => {
    const cacheable = methods.filter((m) => m.cacheable).map((m) => m.name);
    expect(cacheable).toEqual(['getInsideView', 'getNotes']);
  });

  it('when a method names a deal inside its query, then the user must see that deal', () => {
    const drilldown = methods.find((m) => m.name === 'getDrilldown')!;
    expect(routeOfMethod(drilldown).opportunityAccess).toBe('query.opportunityId');
  });

  it('when a method puts a parameter into a header, then it accepts only a UUID there', () => {
    for (const method of methods) {
      const route = routeOfMethod(method);
      expect({ method: method.name, uuid: route.uuidParams ?? [] }).toEqual({
        method: method.name,
        uuid: Object.values(route.headers ?? {}),
      });
    }
  });

  it('when a method takes an opportunity, then it reads it with the user access before calling out', () => {
    for (const method of methods) {
      if (method.params.some((p) => p.name === 'opportunityId')) {
        expect({ method: method.name, access: routeOfMethod(method).opportunityAccess }).toEqual({
          method: method.name,
          access: 'opportunityId',
        });
      }
    }
  });

  it('when a method is read, then it has ApexDoc and its parameters have the contract types', () => {
    // a structured parameter is a typed request of UpAtNightContracts, never a JSON string
    const types: Record<string, string> = {
      opportunityId: 'Id',
      version: 'Integer',
      note: 'UpAtNightContracts.Note',
      patch: 'UpAtNightContracts.Note',
      promptSet: 'UpAtNightContracts.PromptSet',
      draft: 'UpAtNightContracts.PromptSet',
      context: 'UpAtNightContracts.OpportunityContext',
      settings: 'UpAtNightContracts.Settings',
      change: 'UpAtNightContracts.InsideViewEntryChange',
      candidate: 'UpAtNightContracts.Candidate',
    };
    const queries: Record<string, string> = {
      getDashboard: 'UpAtNightContracts.DashboardQuery',
      getPromptEffectiveness: 'UpAtNightContracts.PromptEffectivenessQuery',
      getDrilldown: 'UpAtNightContracts.DrilldownQuery',
      getBandDeals: 'UpAtNightContracts.BandDealsQuery',
    };
    for (const method of methods) {
      expect({ method: method.name, apexDoc: method.hasApexDoc }).toEqual({
        method: method.name,
        apexDoc: true,
      });
      for (const param of method.params) {
        expect({ method: method.name, param: param.name, type: param.type }).toEqual({
          method: method.name,
          param: param.name,
          type: (param.name === 'query' ? queries[method.name] : types[param.name]) ?? 'String',
        });
      }
    }
  });
});

describe('UpAtNightAccountController', () => {
  it('when a method names an account, then the user must see the account before the call goes out', () => {
    const byName = new Map(methods.map((m) => [m.name, m]));
    expect(routeOfMethod(byName.get('getInsideView')!).accountAccess).toBe('accountId');
    expect(routeOfMethod(byName.get('updateInsideViewEntry')!).accountAccess).toBe('accountId');
    expect(routeOfMethod(byName.get('getBrief')!).opportunityAccess).toBe('opportunityId');
  });

  it('when the inside view stops checking the account, then the mismatch is reported', () => {
    const mutated = mutate('UpAtNightAccountController', (s) =>
      s.replace('UpAtNightApi.checkAccountAccess(accountId);', ''),
    );
    expect(routeMismatches(mutated, routes)).toEqual([
      expect.stringContaining('getInsideView.accountAccess'),
    ]);
  });
});

/** Every `@salesforce/apex/<Controller>.<method>` a component (not its tests) imports, as [controller, method]. */
function componentApexImports(): [string, string][] {
  const lwcDir = path.join(repoRoot, 'force-app/main/default/lwc');
  const imports = readdirSync(lwcDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(path.join(lwcDir, d.name))
        .filter((f) => f.endsWith('.js'))
        .map((f) => readFileSync(path.join(lwcDir, d.name, f), 'utf8')),
    )
    .flatMap((source) => [...source.matchAll(/@salesforce\/apex\/(\w+\.\w+)'/g)].map((m) => String(m[1])));
  return [...new Set(imports)].sort().map((i) => i.split('.') as [string, string]);
}

describe('apex-routes.json against the components', () => {
  const imports = componentApexImports();

  it('when the components are read, then they import Apex methods', () => {
    expect(imports.length).toBeGreaterThan(0);
  });

  it.each(imports)(
    'when a component imports %s.%s, then the route names that controller',
    (controller, method) => {
      expect(routes[method]?.controller).toBe(controller);
    },
  );
});

describe('apex-routes.json on its own', () => {
  const placeholders = (p: string) => [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

  it.each(Object.entries(routes))(
    'when %s is read, then every parameter has exactly one use',
    (_name, route: Route) => {
      const uses = [
        ...placeholders(route.path),
        ...Object.values(route.query ?? {}),
        ...Object.values(route.headers ?? {}),
        ...(route.queryParam ? [route.queryParam] : []),
        ...(route.bodyParam ? [route.bodyParam] : []),
        ...(route.contextParam && route.contextParam !== placeholders(route.path)[0]
          ? [route.contextParam]
          : []),
      ];
      // format names both the query value and the content type of an import: one parameter, two uses.
      const distinct = [...new Set(uses)].sort();
      expect(distinct).toEqual([...route.params].sort());
      expect(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).toContain(route.method);
      expect(route.path.startsWith('/v1/')).toBe(true);
      if (route.method === 'GET' || route.method === 'DELETE') expect(route.body).toBe('none');
    },
  );
});

describe('the check can fail', () => {
  it('when the Apex path changes, then the mismatch is reported', () => {
    const mutated = mutate('UpAtNightPanelController', (s) => s.replace("'/panel'", "'/panels'"));
    expect(routeMismatches(mutated, routes)).toEqual([
      expect.stringContaining('getPanel.path: Apex has "/v1/opportunities/{opportunityId}/panels"'),
    ]);
  });

  it('when the HTTP method changes, then the mismatch is reported', () => {
    const mutated = mutate('UpAtNightPanelController', (s) => s.replace("Request('PATCH'", "Request('PUT'"));
    expect(routeMismatches(mutated, routes)).toEqual([expect.stringContaining('updateNote.method')]);
  });

  it('when a method moves to another controller, then the mismatch is reported', () => {
    const moved = { ...routes, getJob: { ...routes.getJob!, controller: 'UpAtNightPanelController' } };
    expect(routeMismatches(controllers, moved)).toEqual([expect.stringContaining('getJob.controller')]);
  });

  it('when two controllers expose one method name, then it is reported', () => {
    const twice = mutate('UpAtNightAnalyticsController', (s) =>
      s.replace('getPromptEffectiveness(', 'getSettings('),
    );
    expect(routeMismatches(twice, routes)).toEqual(
      expect.arrayContaining(['getSettings: @AuraEnabled in more than one controller']),
    );
  });

  it('when a method answers with a JSON string again, then the mismatch is reported', () => {
    const mutated = mutate('UpAtNightSettingsController', (s) =>
      s
        .replace(
          'public static UpAtNightResponses.Settings getSettings()',
          'public static String getSettings()',
        )
        .replace(
          /return \(UpAtNightResponses\.Settings\) UpAtNightApi\.send\(\s*(new UpAtNightServiceClient\.Request\('GET', '\/v1\/settings'\)),\s*UpAtNightResponses\.Settings\.class\s*\);/,
          'return UpAtNightApi.sendForText($1);',
        ),
    );
    expect(routeMismatches(mutated, routes)).toEqual([expect.stringContaining('getSettings.returns')]);
  });

  it('when a read loses cacheable=true, then the mismatch is reported', () => {
    const mutated = mutate('UpAtNightPanelController', (s) =>
      s.replace(
        /@AuraEnabled\(cacheable=true\)(\s+public static UpAtNightResponses\.NotePage getNotes)/,
        '@AuraEnabled$1',
      ),
    );
    expect(routeMismatches(mutated, routes)).toEqual([expect.stringContaining('getNotes.cacheable')]);
  });

  it('when a note change stops checking the deal, then the mismatch is reported', () => {
    const mutated = mutate('UpAtNightPanelController', (s) =>
      s.replace(
        /(deleteNote\(Id opportunityId, String noteId\) \{\s+)UpAtNightApi\.checkOpportunityAccess\(opportunityId\);/,
        '$1',
      ),
    );
    expect(routeMismatches(mutated, routes)).toEqual([
      expect.stringContaining('deleteNote.opportunityAccess'),
    ]);
  });

  it('when the drill-down stops checking a named deal, then the mismatch is reported', () => {
    const mutated = mutate('UpAtNightAnalyticsController', (s) =>
      s.replace('UpAtNightApi.checkOptionalOpportunityAccess(query?.opportunityId);', ''),
    );
    expect(routeMismatches(mutated, routes)).toEqual([
      expect.stringContaining('getDrilldown.opportunityAccess'),
    ]);
  });

  it('when the idempotency key is sent without the UUID check, then the mismatch is reported', () => {
    const mutated = mutate('UpAtNightPanelController', (s) =>
      s.replace('UpAtNightApi.uuidParam(idempotencyKey)', 'idempotencyKey'),
    );
    expect(routeMismatches(mutated, routes)).toEqual([expect.stringContaining('saveNote.uuidParams')]);
  });

  it('when a query parameter is dropped, then the mismatch is reported', () => {
    const mutated = mutate('UpAtNightPromptSetController', (s) =>
      s.replace(".withQuery('setId', setId)", ''),
    );
    expect(routeMismatches(mutated, routes)).toEqual([expect.stringContaining('importPromptSet.query')]);
  });

  it('when a controller calls a helper of its own, then the check refuses it', () => {
    const mutated = mutate('UpAtNightPanelController', (s) =>
      s.replace(
        'UpAtNightApi.checkOpportunityAccess(opportunityId);',
        'checkOpportunityAccess(opportunityId);',
      ),
    );
    expect(routeMismatches(mutated, routes)).toEqual(
      expect.arrayContaining([expect.stringContaining('helpers live in UpAtNightApi')]),
    );
  });

  it('when the JSON has an entry without a method, then it is reported', () => {
    const extra = { ...routes, getSomething: { ...routes.getSettings! } };
    expect(routeMismatches(controllers, extra)).toEqual([
      'getSomething: in apex-routes.json but not an @AuraEnabled method',
    ]);
  });

  it('when a method is missing from the JSON, then it is reported', () => {
    const fewer = { ...routes };
    delete fewer.getJob;
    expect(routeMismatches(controllers, fewer)).toEqual([
      'getJob: @AuraEnabled method missing from apex-routes.json',
    ]);
  });

  it('when a method builds two requests, then the check refuses it', () => {
    const mutated = mutate('UpAtNightSettingsController', (s) =>
      s.replace(
        'return (UpAtNightResponses.Settings) UpAtNightApi.send(',
        "UpAtNightApi.send(new UpAtNightServiceClient.Request('GET', '/v1/tenant'));\n    return (UpAtNightResponses.Settings) UpAtNightApi.send(",
      ),
    );
    expect(routeMismatches(mutated, routes)).toEqual([
      expect.stringContaining('getSettings: expected exactly one'),
    ]);
  });
});

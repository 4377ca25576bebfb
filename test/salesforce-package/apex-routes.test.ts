// apex-routes.json is the one mapping from controller method to service request; the local preview reads it.
// These tests hold it and UpAtNightController.cls to each other, in both directions.
import { readFileSync } from 'node:fs';
import {
  auraEnabledMethods,
  accountControllerPath,
  controllerPath,
  readRoutes,
  routeMismatches,
  routeOf,
  type Route,
} from './apex-source';

const source = readFileSync(controllerPath, 'utf8');
const accountSource = readFileSync(accountControllerPath, 'utf8');
const accountMethods = new Set(auraEnabledMethods(accountSource).map((m) => m.name));
const allRoutes = readRoutes();
// the account memory's methods have a class of their own, held to their entries separately
const routes = Object.fromEntries(Object.entries(allRoutes).filter(([name]) => !accountMethods.has(name)));
const accountRoutes = Object.fromEntries(
  Object.entries(allRoutes).filter(([name]) => accountMethods.has(name)),
);

describe('apex-routes.json against UpAtNightController.cls', () => {
  it('when both are read, then every @AuraEnabled method matches its entry and no entry lacks a method', () => {
    expect(routeMismatches(source, routes)).toEqual([]);
  });

  it('when the controller is read, then it exposes the methods of the contract', () => {
    expect(auraEnabledMethods(source).map((m) => m.name)).toEqual([
      'getPanel',
      'scoreDraft',
      'saveNote',
      'getNotes',
      'updateNote',
      'deleteNote',
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
      'getSettings',
      'saveSettings',
      'startRescore',
      'getJob',
      'getDashboard',
      'getPromptEffectiveness',
      'getDrilldown',
    ]);
  });

  it('when a method only reads, then it may be cacheable: the notes; the panel stores the deal context', () => {
    const cacheable = auraEnabledMethods(source)
      .filter((m) => m.cacheable)
      .map((m) => m.name);
    expect(cacheable).toEqual(['getNotes']);
  });

  it('when a method names a deal inside its query JSON, then the user must see that deal', () => {
    const drilldown = auraEnabledMethods(source).find((m) => m.name === 'getDrilldown')!;
    expect(routeOf(drilldown).opportunityAccess).toBe('queryJson.opportunityId');
  });

  it('when a method puts a parameter into a header, then it accepts only a UUID there', () => {
    for (const method of auraEnabledMethods(source)) {
      const route = routeOf(method);
      expect({ method: method.name, uuid: route.uuidParams ?? [] }).toEqual({
        method: method.name,
        uuid: Object.values(route.headers ?? {}),
      });
    }
  });

  it('when a method takes an opportunity, then it reads it with the user access before calling out', () => {
    for (const method of auraEnabledMethods(source)) {
      if (method.params.some((p) => p.name === 'opportunityId')) {
        expect({ method: method.name, access: routeOf(method).opportunityAccess }).toEqual({
          method: method.name,
          access: 'opportunityId',
        });
      }
    }
  });

  it('when a method is read, then it has ApexDoc and its parameters have the contract types', () => {
    const types: Record<string, string> = { opportunityId: 'Id', version: 'Integer' };
    for (const method of auraEnabledMethods(source)) {
      expect({ method: method.name, apexDoc: method.hasApexDoc }).toEqual({
        method: method.name,
        apexDoc: true,
      });
      for (const param of method.params) {
        expect({ method: method.name, param: param.name, type: param.type }).toEqual({
          method: method.name,
          param: param.name,
          type: types[param.name] ?? 'String',
        });
      }
    }
  });
});

describe('apex-routes.json against UpAtNightAccountController.cls', () => {
  it('when both are read, then every @AuraEnabled method matches its entry', () => {
    expect([...accountMethods]).toEqual(['getInsideView', 'updateInsideViewEntry', 'getBrief']);
    expect(routeMismatches(accountSource, accountRoutes)).toEqual([]);
  });

  it('when the brief is built, then the user must see the deal; the inside view is a cacheable read', () => {
    const byName = new Map(auraEnabledMethods(accountSource).map((m) => [m.name, m]));
    expect(routeOf(byName.get('getBrief')!).opportunityAccess).toBe('opportunityId');
    expect(byName.get('getInsideView')!.cacheable).toBe(true);
    expect(accountSource).toMatch(/getInsideView\(String accountId\) \{\s*checkAccountAccess\(accountId\);/);
    expect(accountSource).toMatch(/updateInsideViewEntry\([^)]*\) \{\s*checkAccountAccess\(accountId\);/);
  });
});

describe('apex-routes.json on its own', () => {
  const placeholders = (p: string) => [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

  it.each(Object.entries(allRoutes))(
    'when %s is read, then every parameter has exactly one use',
    (_name, route: Route) => {
      const uses = [
        ...placeholders(route.path),
        ...Object.values(route.query ?? {}),
        ...Object.values(route.headers ?? {}),
        ...(route.queryJsonParam ? [route.queryJsonParam] : []),
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
    const mutated = source.replace("'/panel'", "'/panels'");
    expect(mutated).not.toBe(source);
    expect(routeMismatches(mutated, routes)).toEqual([
      expect.stringContaining('getPanel.path: Apex has "/v1/opportunities/{opportunityId}/panels"'),
    ]);
  });

  it('when the HTTP method changes, then the mismatch is reported', () => {
    const mutated = source.replace("Request('PATCH'", "Request('PUT'");
    expect(mutated).not.toBe(source);
    expect(routeMismatches(mutated, routes)).toEqual([expect.stringContaining('updateNote.method')]);
  });

  it('when a read loses cacheable=true, then the mismatch is reported', () => {
    const mutated = source.replace(
      /@AuraEnabled\(cacheable=true\)(\s+public static String getNotes)/,
      '@AuraEnabled$1',
    );
    expect(mutated).not.toBe(source);
    expect(routeMismatches(mutated, routes)).toEqual([expect.stringContaining('getNotes.cacheable')]);
  });

  it('when a note change stops checking the deal, then the mismatch is reported', () => {
    const mutated = source.replace(
      /(String deleteNote\(Id opportunityId, String noteId\) \{\s+)checkOpportunityAccess\(opportunityId\);/,
      '$1',
    );
    expect(mutated).not.toBe(source);
    expect(routeMismatches(mutated, routes)).toEqual([
      expect.stringContaining('deleteNote.opportunityAccess'),
    ]);
  });

  it('when the drill-down stops checking a named deal, then the mismatch is reported', () => {
    const mutated = source.replace("checkQueryOpportunityAccess(queryJson, 'opportunityId');", '');
    expect(mutated).not.toBe(source);
    expect(routeMismatches(mutated, routes)).toEqual([
      expect.stringContaining('getDrilldown.opportunityAccess'),
    ]);
  });

  it('when the idempotency key is sent without the UUID check, then the mismatch is reported', () => {
    const mutated = source.replace('uuidParam(idempotencyKey)', 'idempotencyKey');
    expect(mutated).not.toBe(source);
    expect(routeMismatches(mutated, routes)).toEqual([expect.stringContaining('saveNote.uuidParams')]);
  });

  it('when a query parameter is dropped, then the mismatch is reported', () => {
    const mutated = source.replace(".withQuery('setId', setId)", '');
    expect(mutated).not.toBe(source);
    expect(routeMismatches(mutated, routes)).toEqual([expect.stringContaining('importPromptSet.query')]);
  });

  it('when the JSON has an entry without a method, then it is reported', () => {
    const extra = { ...routes, getSomething: { ...routes.getSettings! } };
    expect(routeMismatches(source, extra)).toEqual([
      'getSomething: in apex-routes.json but not an @AuraEnabled method',
    ]);
  });

  it('when a method is missing from the JSON, then it is reported', () => {
    const fewer = { ...routes };
    delete fewer.getJob;
    expect(routeMismatches(source, fewer)).toEqual([
      'getJob: @AuraEnabled method missing from apex-routes.json',
    ]);
  });

  it('when a method builds two requests, then the check refuses it', () => {
    const mutated = source.replace(
      "return send(new UpAtNightServiceClient.Request('GET', '/v1/settings'));",
      "send(new UpAtNightServiceClient.Request('GET', '/v1/tenant'));\n    return send(new UpAtNightServiceClient.Request('GET', '/v1/settings'));",
    );
    expect(mutated).not.toBe(source);
    expect(routeMismatches(mutated, routes)).toEqual([
      expect.stringContaining('getSettings: expected exactly one'),
    ]);
  });
});

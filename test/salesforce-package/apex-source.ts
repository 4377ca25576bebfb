// Reads Apex with @apexdevtools/apex-parser: syntax errors, @AuraEnabled methods, and the one service request
// each controller method builds. Shared by the Apex parse, routes and metadata checks.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  AnnotationContext,
  ApexErrorListener,
  ApexParserFactory,
  Arth2ExpressionContext,
  ClassBodyDeclarationContext,
  ClassDeclarationContext,
  DotExpressionContext,
  DotMethodCallContext,
  LiteralPrimaryContext,
  IdPrimaryContext,
  MethodCallContext,
  MethodDeclarationContext,
  NewExpressionContext,
  PrimaryExpressionContext,
  SubExpressionContext,
  type CompilationUnitContext,
  type ExpressionContext,
} from '@apexdevtools/apex-parser';

export const repoRoot = path.resolve(__dirname, '../..');
export const forceAppDefault = path.join(repoRoot, 'force-app/main/default');
export const classesDir = path.join(forceAppDefault, 'classes');
// The controllers' shared helpers: request bodies, parameter checks, the content type of an import.
export const helpersClass = 'UpAtNightApi';
export const helpersPath = path.join(classesDir, `${helpersClass}.cls`);
export const routesPath = path.join(repoRoot, 'scripts/preview/server/apex-routes.json');

/** A controller by audience: a class named UpAtNight<Audience>Controller. */
export type Controller = { name: string; source: string };

export function readControllers(): Controller[] {
  return readdirSync(classesDir)
    .filter((name) => /^UpAtNight\w+Controller\.cls$/.test(name))
    .sort()
    .map((name) => ({
      name: name.replace(/\.cls$/, ''),
      source: readFileSync(path.join(classesDir, name), 'utf8'),
    }));
}

export type SyntaxError = { line: number; column: number; message: string };

export function parseApex(source: string): { unit: CompilationUnitContext; errors: SyntaxError[] } {
  const errors: SyntaxError[] = [];
  class Collect extends ApexErrorListener {
    apexSyntaxError(line: number, column: number, message: string): void {
      errors.push({ line, column, message });
    }
  }
  const { parser } = ApexParserFactory.createLexerAndParser(source, new Collect());
  const unit = parser.compilationUnit();
  return { unit, errors };
}

export function apexClassFiles(): string[] {
  return readdirSync(classesDir)
    .filter((name) => name.endsWith('.cls'))
    .map((name) => path.join(classesDir, name));
}

type Node = { children?: Node[] | null; getText(): string };

function* descendants(node: Node): Generator<Node> {
  for (const child of node.children ?? []) {
    yield child;
    yield* descendants(child);
  }
}

function unquote(literal: string): string {
  // Apex string literals are single-quoted; the controller uses no escapes in paths or keys.
  if (!/^'.*'$/s.test(literal)) throw new Error(`not a string literal: ${literal}`);
  return literal.slice(1, -1).replace(/\\'/g, "'");
}

export type AuraMethod = {
  name: string;
  returnType: string;
  params: { name: string; type: string }[];
  cacheable: boolean;
  hasApexDoc: boolean;
  declaration: MethodDeclarationContext;
};

function annotationInfo(annotation: AnnotationContext): { name: string; pairs: Record<string, string> } {
  const pairs: Record<string, string> = {};
  for (const pair of annotation.elementValuePairs()?.elementValuePair_list() ?? []) {
    pairs[pair.id().getText().toLowerCase()] = pair.elementValue().getText().toLowerCase();
  }
  return { name: annotation.id().getText(), pairs };
}

/** Every @AuraEnabled method of the first class in the source, in source order. */
export function auraEnabledMethods(source: string): AuraMethod[] {
  const { unit, errors } = parseApex(source);
  if (errors.length) throw new Error(`Apex does not parse: ${JSON.stringify(errors)}`);
  const classDeclaration = [...descendants(unit as unknown as Node)].find(
    (n) => n instanceof ClassDeclarationContext,
  ) as ClassDeclarationContext | undefined;
  if (!classDeclaration) throw new Error('no class declaration');
  const methods: AuraMethod[] = [];
  for (const member of classDeclaration.classBody().classBodyDeclaration_list()) {
    if (!(member instanceof ClassBodyDeclarationContext)) continue;
    const declaration = member.memberDeclaration()?.methodDeclaration();
    if (!declaration) continue;
    const annotations = member
      .modifier_list()
      .map((m) => m.annotation())
      .filter((a): a is AnnotationContext => a != null)
      .map(annotationInfo);
    const aura = annotations.find((a) => a.name.toLowerCase() === 'auraenabled');
    if (!aura) continue;
    const params = (declaration.formalParameters().formalParameterList()?.formalParameter_list() ?? []).map(
      (p) => ({
        name: p.id().getText(),
        type: p.typeRef().getText(),
      }),
    );
    const start = member.start?.start ?? 0;
    const before = source.slice(0, start).trimEnd();
    methods.push({
      name: declaration.id().getText(),
      returnType: declaration.typeRef()?.getText() ?? 'void',
      params,
      cacheable: aura.pairs['cacheable'] === 'true',
      hasApexDoc:
        before.endsWith('*/') && before.lastIndexOf('/**') > before.lastIndexOf('*/', before.length - 3),
      declaration,
    });
  }
  return methods;
}

/** The request a controller method builds, in the vocabulary of apex-routes.json. */
export type Route = {
  controller: string;
  method: string;
  path: string;
  params: string[];
  cacheable: boolean;
  /** object: the service's JSON answer as a typed response (or nothing); text: the answer as it came (an exported file) */
  returns: 'object' | 'text';
  body: 'none' | 'context' | 'note' | 'json' | 'wrapOpportunity' | 'text';
  bodyParam?: string;
  contextParam?: string;
  opportunityAccess?: string;
  /** the account the user must see before the call goes out */
  accountAccess?: string;
  query?: Record<string, string>;
  queryParam?: string;
  headers?: Record<string, string>;
  uuidParams?: string[];
  contentType?: { param: string; values: Record<string, string>; default: string };
};

function argumentsOf(
  list: { expression_list(): ExpressionContext[] } | null | undefined,
): ExpressionContext[] {
  return list?.expression_list() ?? [];
}

/** A parameter, or a property of one ("query.opportunityId", read as query?.opportunityId or query.opportunityId). */
function identifier(expression: ExpressionContext): string {
  if (expression instanceof PrimaryExpressionContext && expression.primary() instanceof IdPrimaryContext) {
    return (expression.primary() as IdPrimaryContext).id().getText();
  }
  if (expression instanceof DotExpressionContext && expression.anyId() && !expression.dotMethodCall()) {
    return `${identifier(expression.expression())}.${expression.anyId()!.getText()}`;
  }
  throw new Error(`expected a parameter name, found ${expression.getText()}`);
}

function stringLiteral(expression: ExpressionContext): string {
  if (
    expression instanceof PrimaryExpressionContext &&
    expression.primary() instanceof LiteralPrimaryContext
  ) {
    return unquote(expression.getText());
  }
  throw new Error(`expected a string literal, found ${expression.getText()}`);
}

/** A call of one of the shared helpers, UpAtNightApi.<name>(args). */
function helperCall(expression: ExpressionContext): { name: string; args: ExpressionContext[] } {
  const dot = expression instanceof DotExpressionContext ? expression : undefined;
  const call = dot?.dotMethodCall();
  if (dot && call && dot.expression().getText() === helpersClass) {
    return { name: call.anyId().getText(), args: argumentsOf(call.expressionList()) };
  }
  throw new Error(`expected a call of ${helpersClass}, found ${expression.getText()}`);
}

/** Turns the path expression into a template: literals stay, segment(x) and bare x become {x}. */
export function pathTemplate(expression: ExpressionContext): string {
  if (expression instanceof Arth2ExpressionContext && expression.ADD()) {
    return pathTemplate(expression.expression(0)) + pathTemplate(expression.expression(1));
  }
  if (expression instanceof SubExpressionContext) {
    return pathTemplate(expression.expression());
  }
  if (
    expression instanceof PrimaryExpressionContext &&
    expression.primary() instanceof LiteralPrimaryContext
  ) {
    return unquote(expression.getText());
  }
  const call = helperCall(expression);
  if (call.name === 'segment' && call.args.length === 1) return `{${identifier(call.args[0]!)}}`;
  throw new Error(`unsupported path expression: ${expression.getText()}`);
}

/** Reads the one UpAtNightServiceClient.Request a controller method builds, and what it adds to it. */
export function routeOf(method: AuraMethod, controller: string): Route {
  const nodes = [...descendants(method.declaration as unknown as Node)];
  const requests = nodes.filter(
    (n): n is NewExpressionContext =>
      n instanceof NewExpressionContext &&
      n.creator().createdName().getText() === 'UpAtNightServiceClient.Request',
  );
  if (requests.length !== 1) {
    throw new Error(
      `${method.name}: expected exactly one new UpAtNightServiceClient.Request, found ${requests.length}`,
    );
  }
  const [httpMethod, pathExpression, ...rest] = argumentsOf(
    requests[0]!.creator().classCreatorRest()?.arguments().expressionList(),
  );
  if (!httpMethod || !pathExpression || rest.length)
    throw new Error(`${method.name}: Request(method, path) expected`);
  const route: Route = {
    controller,
    method: stringLiteral(httpMethod),
    path: pathTemplate(pathExpression),
    params: method.params.map((p) => p.name),
    cacheable: method.cacheable,
    returns: method.returnType === 'String' ? 'text' : 'object',
    body: 'none',
  };
  if (!/^(String|void|UpAtNightResponses\.\w+)$/.test(method.returnType)) {
    throw new Error(
      `${method.name}: returns ${method.returnType}, not a typed answer, nothing or a file's text`,
    );
  }
  const setBody = (body: Route['body'], fields: Partial<Route>) => {
    if (route.body !== 'none') throw new Error(`${method.name}: more than one body`);
    Object.assign(route, { body }, fields);
  };
  for (const node of nodes) {
    if (node instanceof DotMethodCallContext) {
      const name = node.anyId().getText();
      const args = argumentsOf(node.expressionList());
      switch (name) {
        case 'withQuery':
          route.query = { ...route.query, [stringLiteral(args[0]!)]: identifier(args[1]!) };
          break;
        case 'withQueryObject':
          route.queryParam = identifier(args[0]!);
          break;
        case 'withHeader': {
          // a header value is a parameter, or uuidParam(parameter): a parameter accepted only as a UUID
          const value = args[1]!;
          let param: string;
          if (value instanceof DotExpressionContext) {
            const check = helperCall(value);
            if (check.name !== 'uuidParam')
              throw new Error(`${method.name}: unknown header helper ${check.name}`);
            param = identifier(check.args[0]!);
            route.uuidParams = [...(route.uuidParams ?? []), param];
          } else {
            param = identifier(value);
          }
          route.headers = { ...route.headers, [stringLiteral(args[0]!)]: param };
          break;
        }
        case 'withJsonBody': {
          const helper = helperCall(args[0]!);
          const helperArgs = helper.args;
          if (helper.name === 'contextBody') setBody('context', { contextParam: identifier(helperArgs[0]!) });
          else if (helper.name === 'noteBody')
            setBody('note', {
              contextParam: identifier(helperArgs[0]!),
              bodyParam: identifier(helperArgs[1]!),
            });
          else if (helper.name === 'jsonBody') {
            const bodyParam = identifier(helperArgs[1]!);
            if (stringLiteral(helperArgs[0]!) !== bodyParam) {
              throw new Error(
                `${method.name}: jsonBody names ${stringLiteral(helperArgs[0]!)} for ${bodyParam}`,
              );
            }
            setBody('json', { bodyParam });
          } else if (helper.name === 'opportunityWrapper')
            setBody('wrapOpportunity', { bodyParam: identifier(helperArgs[0]!) });
          else throw new Error(`${method.name}: unknown body helper ${helper.name}`);
          break;
        }
        case 'withTextBody': {
          const contentType = helperCall(args[1]!);
          if (contentType.name !== 'contentTypeFor')
            throw new Error(`${method.name}: unknown content type helper`);
          setBody('text', {
            bodyParam: identifier(args[0]!),
            contentType: { param: identifier(contentType.args[0]!), values: {}, default: '' },
          });
          break;
        }
        // the opportunity the user must see: a parameter, or a property of a query ("<parameter>.<key>")
        case 'checkOpportunityAccess':
        case 'checkOptionalOpportunityAccess':
        case 'contextBody':
        case 'noteBody':
          route.opportunityAccess = identifier(args[0]!);
          break;
        case 'checkAccountAccess':
          route.accountAccess = identifier(args[0]!);
          break;
        default:
          if (name.startsWith('with'))
            throw new Error(`${method.name}: unknown request builder call ${name}`);
      }
    }
    if (node instanceof MethodCallContext) {
      throw new Error(
        `${method.name}: calls ${node.id().getText()} locally; helpers live in ${helpersClass}`,
      );
    }
  }
  return route;
}

/** The content types contentTypeFor(format) picks, read from the controller's helper. */
export function contentTypesOf(source: string): { values: Record<string, string>; default: string } {
  const match =
    /String contentTypeFor\(String (\w+)\)\s*\{\s*return \1 == '(\w+)' \? '([^']+)' : '([^']+)';\s*\}/.exec(
      source,
    );
  if (!match) throw new Error('contentTypeFor(format) not found in the shape format == x ? a : b');
  return { values: { [match[2]!]: match[3]! }, default: match[4]! };
}

export function readRoutes(): Record<string, Route> {
  return JSON.parse(readFileSync(routesPath, 'utf8')) as Record<string, Route>;
}

// JSON with object keys sorted, so key order never decides equality.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/** Every difference between the controllers and the routes file, as readable sentences. */
export function routeMismatches(
  controllers: Controller[],
  routes: Record<string, Route>,
  helpersSource = readFileSync(helpersPath, 'utf8'),
): string[] {
  const problems: string[] = [];
  const methods = controllers.flatMap((c) =>
    auraEnabledMethods(c.source).map((m) => ({ ...m, controller: c.name })),
  );
  const contentTypes = contentTypesOf(helpersSource);
  for (const method of methods) {
    // the preview posts a call by its method name, so a name belongs to one controller only
    if (methods.filter((m) => m.name === method.name).length > 1) {
      problems.push(`${method.name}: @AuraEnabled in more than one controller`);
      continue;
    }
    const expected = routes[method.name];
    if (!expected) {
      problems.push(`${method.name}: @AuraEnabled method missing from apex-routes.json`);
      continue;
    }
    let actual: Route;
    try {
      actual = routeOf(method, method.controller);
    } catch (error) {
      problems.push((error as Error).message);
      continue;
    }
    if (actual.contentType) actual.contentType = { param: actual.contentType.param, ...contentTypes };
    const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]) as Set<keyof Route>;
    for (const key of keys) {
      if (canonical(actual[key]) !== canonical(expected[key])) {
        problems.push(
          `${method.name}.${key}: Apex has ${JSON.stringify(actual[key])}, apex-routes.json has ${JSON.stringify(expected[key])}`,
        );
      }
    }
  }
  const names = new Set(methods.map((m) => m.name));
  for (const name of Object.keys(routes)) {
    if (!names.has(name)) problems.push(`${name}: in apex-routes.json but not an @AuraEnabled method`);
  }
  return problems;
}

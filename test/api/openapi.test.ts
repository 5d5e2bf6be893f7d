import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ApiHarness, startApi } from '../support/api';
import { offlineOpenApiDocument } from '../../tools/openapi-document';

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const REF = /^#\/components\/schemas\/([A-Za-z0-9_.-]+)$/;

/** Every operation of the document, with where it lives. */
function operations(doc: Json): { method: string; path: string; op: Json }[] {
  return Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ method, path, op: item[method] })),
  );
}

/** Every `$ref` anywhere below `node`. */
function refs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refs);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refs(v)));
}

describe('the OpenAPI document at /api/docs-json', () => {
  let api: ApiHarness;
  let doc: Json;
  beforeAll(async () => {
    api = await startApi();
    doc = await (await fetch(`${api.base}/api/docs-json`)).json();
  });
  afterAll(() => api?.close());

  it('is the document built without a database, which the UI types are generated from', async () => {
    expect(doc).toEqual(JSON.parse(JSON.stringify(await offlineOpenApiDocument())));
  });

  it('is a structurally valid OpenAPI 3.1 document', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThanOrEqual(30);
    const ids = ops.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { method, path, op } of ops) {
      expect(path).toMatch(/^\//);
      const declared = (op.parameters ?? [])
        .filter((p: Json) => p.in === 'path')
        .map((p: Json) => p.name)
        .sort();
      expect([`${method} ${path}`, declared]).toEqual([
        `${method} ${path}`,
        [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort(),
      ]);
      for (const p of op.parameters ?? [])
        expect([
          `${method} ${path} ${p.name}`,
          ['path', 'query', 'header', 'cookie'].includes(p.in),
          typeof p.schema,
        ]).toEqual([`${method} ${path} ${p.name}`, true, 'object']);
      for (const s of op.security ?? [])
        for (const scheme of Object.keys(s)) expect(doc.components.securitySchemes).toHaveProperty(scheme);
    }
    for (const ref of refs(doc))
      expect([ref, REF.test(ref) && ref.replace(REF, '$1') in doc.components.schemas]).toEqual([ref, true]);
  });

  it('has a component per contract, each a valid JSON Schema 2020-12 (the dialect of OpenAPI 3.1)', () => {
    const main = [
      'ErrorBody',
      'ErrorCode',
      'Role',
      'Classification',
      'Direction',
      'DocumentKind',
      'DocumentState',
      'DocumentEventType',
      'RuleId',
      'Rules',
      'LoginRequest',
      'LoginResponse',
      'Me',
      'ChangePasswordRequest',
      'RegisterDocumentRequest',
      'DocumentRegistered',
      'DocumentView',
      'HistoryItem',
      'HolderAt',
      'DocumentEventRequest',
      'EventAccepted',
      'DocumentEventSchemas',
      'DocumentRowPage',
      'IssueRowPage',
      'CopyRowPage',
      'CarrierRowPage',
      'RoomView',
      'CabinetView',
      'CreateRoomRequest',
      'CreateCabinetRequest',
      'NomenclatureFileView',
      'CreateFileRequest',
      'PersonView',
      'RecordClearanceRequest',
      'ClearanceView',
      'ClearanceStatus',
      'RevokeClearanceRequest',
      'MediaView',
      'RegisterMediaRequest',
      'NotificationList',
      'VerifyResult',
      'Checkpoint',
      'CheckpointUnchanged',
      'HealthStatus',
    ];
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(main));
    const ajv = new Ajv2020({ strictTypes: false });
    addFormats(ajv);
    ajv.addKeyword('components');
    ajv.addSchema({ $id: 'https://grif.invalid/openapi.json', components: doc.components });
    for (const id of Object.keys(doc.components.schemas)) {
      expect([id, ajv.validateSchema(doc.components.schemas[id])]).toEqual([id, true]);
      expect(() => ajv.getSchema(`https://grif.invalid/openapi.json#/components/schemas/${id}`)).not.toThrow();
    }
  });

  it('describes every answer of every operation: a success, and each error as an ErrorBody', () => {
    for (const { method, path, op } of operations(doc)) {
      const where = `${method.toUpperCase()} ${path}`;
      const statuses = Object.keys(op.responses);
      expect([where, statuses.some((s) => /^2\d\d$/.test(s))]).toEqual([where, true]);
      if (op.security) expect([where, statuses]).toEqual([where, expect.arrayContaining(['401', '503'])]);
      for (const [status, answer] of Object.entries(op.responses as Record<string, Json>)) {
        expect([where, status, typeof answer.description]).toEqual([where, status, 'string']);
        const schema = answer.content?.['application/json']?.schema;
        const pdf = answer.content?.['application/pdf']?.schema;
        if (status === '204') expect([where, answer.content]).toEqual([where, undefined]);
        // A PDF (an act, a printed journal) is bytes, not a contract.
        else if (pdf) expect([where, status, pdf]).toEqual([where, status, { type: 'string', format: 'binary' }]);
        // The audit bundle is JSON Lines, a file checked by its own verifier (tools/audit-verify.mjs), not one document.
        else if (answer.content?.['application/x-ndjson'])
          expect([where, status, answer.content['application/x-ndjson'].schema]).toEqual([
            where,
            status,
            { type: 'string' },
          ]);
        else
          expect([where, status, typeof schema?.$ref === 'string' || schema?.items?.$ref !== undefined]).toEqual([
            where,
            status,
            true,
          ]);
        if (/^[45]/.test(status) && path !== '/health')
          expect([where, status, schema]).toEqual([where, status, { $ref: '#/components/schemas/ErrorBody' }]);
      }
    }
  });

  it('describes the body of every route that reads one, by its contract, and no other', () => {
    const byId = new Map(operations(doc).map((o) => [o.op.operationId, o]));
    let routes = 0;
    let bodies = 0;
    for (const module of api.app.get(ModulesContainer).values()) {
      for (const { metatype } of module.controllers.values()) {
        const proto = (metatype as { prototype: Json }).prototype;
        for (const name of Object.getOwnPropertyNames(proto).filter(
          (n) => n !== 'constructor' && Reflect.hasMetadata(METHOD_METADATA, proto[n]),
        )) {
          routes++;
          const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, proto.constructor, name) ?? {};
          const readsBody = Object.keys(args).some((k) => k.startsWith(`${RouteParamtypes.BODY}:`));
          if (readsBody) bodies++;
          const found = byId.get(`${(metatype as { name: string }).name}_${name}`);
          expect([name, found !== undefined]).toEqual([name, true]);
          const body = found!.op.requestBody;
          expect([name, readsBody, body !== undefined]).toEqual([name, readsBody, readsBody]);
          if (body)
            expect([name, body.required, body.content['application/json'].schema.$ref]).toEqual([
              name,
              true,
              expect.stringMatching(REF),
            ]);
        }
      }
    }
    expect(routes).toBe(operations(doc).length);
    // login, password, register, events, rooms, cabinets, nomenclature, clearances, revocations, e-mail, media,
    // calendar, deadline settings, a new act, an act's events, the two steps of a token's signature, a certificate,
    // a breach report, a case's events, the breach step limits, a new user, disabling one, an appointment, its end
    expect(bodies).toBe(25);
  });

  it('describes the query of every list: paging, sorting, CSV, "as at", its filters, and the PDF of a journal', () => {
    const query = (path: string) =>
      doc.paths[path].get.parameters.filter((p: Json) => p.in === 'query').map((p: Json) => p.name);
    for (const path of [
      '/api/documents',
      '/api/registers/registration',
      '/api/registers/issues',
      '/api/registers/copies',
      '/api/registers/carriers',
    ]) {
      expect([path, query(path)]).toEqual([
        path,
        expect.arrayContaining(['page', 'pageSize', 'sort', 'order', 'format', 'at']),
      ]);
      // The four journals a records office files also print (format=pdf for a period); the document list does not.
      const printed = path !== '/api/documents';
      expect([path, Object.keys(doc.paths[path].get.responses['200'].content).sort()]).toEqual([
        path,
        printed ? ['application/json', 'application/pdf', 'text/csv'] : ['application/json', 'text/csv'],
      ]);
      if (printed) expect([path, query(path)]).toEqual([path, expect.arrayContaining(['from', 'to', 'lang'])]);
    }
    expect(query('/api/registers/issues')).toEqual(expect.arrayContaining(['status', 'holderId', 'documentId']));
    expect(query('/api/documents')).toEqual(
      expect.arrayContaining(['year', 'direction', 'state', 'classification', 'holderId', 'q', 'mine']),
    );
    expect(query('/api/documents/{id}/holder-at')).toEqual(['at']);
  });
});

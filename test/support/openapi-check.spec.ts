import { checkResponse, isApiPath, type OpenApiDocument } from './openapi-check';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const doc: OpenApiDocument = {
  paths: {
    '/api/things/{id}': {
      get: {
        responses: {
          '200': json({ $ref: '#/components/schemas/Thing' }),
          '404': json({ $ref: '#/components/schemas/ErrorBody' }),
        },
      },
      delete: { responses: { '204': { description: 'gone' } } },
    },
    '/api/things/special': { get: { responses: { '200': json({ type: 'string', const: 'special' }) } } },
    '/api/things': {
      get: {
        responses: {
          '200': {
            content: { 'application/json': { schema: { type: 'array' } }, 'text/csv': { schema: { type: 'string' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          at: { type: 'string', format: 'date-time' },
          mark: { anyOf: [{ $ref: '#/components/schemas/Mark' }, { type: 'null' }] },
        },
        required: ['id', 'mark'],
        additionalProperties: false,
      },
      Mark: { type: 'string', enum: ['open', 'official_use'] },
      ErrorBody: { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] },
    },
  },
};
const JSON_TYPE = 'application/json; charset=utf-8';

describe('checkResponse: an answer against the OpenAPI document', () => {
  it('accepts what the document promises, refs and nulls included', () => {
    expect(() =>
      checkResponse(doc, 'GET', '/api/things/7?x=1', 200, JSON_TYPE, {
        id: '7',
        at: '2026-11-26T10:00:00.000Z',
        mark: null,
      }),
    ).not.toThrow();
    expect(() => checkResponse(doc, 'GET', '/api/things/7', 200, JSON_TYPE, { id: '7', mark: 'open' })).not.toThrow();
    expect(() => checkResponse(doc, 'DELETE', '/api/things/7', 204, null, undefined)).not.toThrow();
  });

  it('prefers a literal path over a template', () => {
    expect(() => checkResponse(doc, 'GET', '/api/things/special', 200, JSON_TYPE, 'special')).not.toThrow();
  });

  it('names the field that does not match', () => {
    expect(() =>
      checkResponse(doc, 'GET', '/api/things/7', 200, JSON_TYPE, { id: '7', mark: 'secret', schoolId: 's' }),
    ).toThrow(/additional properties "schoolId"[\s\S]*\/mark/);
    expect(() =>
      checkResponse(doc, 'GET', '/api/things/7', 200, JSON_TYPE, { id: '7', mark: null, at: 'yesterday' }),
    ).toThrow(/\/at must match format "date-time"/);
  });

  it('fails an undocumented status, operation, body or content type', () => {
    expect(() => checkResponse(doc, 'GET', '/api/things/7', 409, JSON_TYPE, { code: 'X' })).toThrow(
      /status 409 is not documented .*documented: 200, 404/,
    );
    expect(() => checkResponse(doc, 'POST', '/api/things/7', 200, JSON_TYPE, {})).toThrow(/no such operation/);
    expect(() => checkResponse(doc, 'DELETE', '/api/things/7', 204, JSON_TYPE, { id: '7' })).toThrow(/without a body/);
    expect(() => checkResponse(doc, 'GET', '/api/things/7', 200, 'text/html', '<p>')).toThrow(
      /content type text\/html is not documented/,
    );
  });

  it('checks a CSV answer by its content type only', () => {
    expect(() =>
      checkResponse(doc, 'GET', '/api/things?format=csv', 200, 'text/csv; charset=utf-8', 'a,b\r\n'),
    ).not.toThrow();
  });

  it('leaves pages that are not the API alone', () => {
    expect([isApiPath('/api/me'), isApiPath('/health'), isApiPath('/admin/queues'), isApiPath('/documents')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

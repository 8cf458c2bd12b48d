import type { CatalogOf } from '../id.js';
import type { apiId } from './api.id.js';

/** The API reference page at /api/docs and the API's own validation words (English). */
export const apiEn: CatalogOf<typeof apiId> = {
  'v.unknown_field': 'Unknown field.',
  'apidocs.title': 'Pasok API reference',
  'apidocs.intro':
    'API v1 answers JSON in snake_case. Every request except the OpenAPI document uses a personal token: send the header Authorization: Bearer <token>. Tokens are created on the Account page.',
  'apidocs.spec': 'OpenAPI 3.1 document (JSON)',
  'apidocs.contents': 'Contents',
  'apidocs.public': 'Public, no token',
  'apidocs.parameters': 'Parameters',
  'apidocs.param_name': 'Name',
  'apidocs.param_in': 'In',
  'apidocs.param_schema': 'Type',
  'apidocs.required': 'required',
  'apidocs.optional': 'optional',
  'apidocs.body': 'Request body',
  'apidocs.responses': 'Responses',
  'apidocs.example': 'curl example',
  'apidocs.errors': 'Error shape',
  'apidocs.errors_text':
    'Every error answers {"error":{"code","message","fields"}}; fields names each invalid or unknown key.',
  'apidocs.none': 'None.',
  'apidocs.in.path': 'path',
  'apidocs.in.query': 'query',
} as const;

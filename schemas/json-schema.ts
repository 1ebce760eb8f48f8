import { z } from 'zod';
import { vobDocumentSchema } from './vob-record';

/** The contract document as JSON Schema (draft 2020-12), for consumers outside TypeScript. */
export function vobDocumentJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(vobDocumentSchema, { target: 'draft-2020-12' }),
    $id: 'https://vob-intake.test/schemas/vob-record.schema.json',
    title: 'VOB record (vob extract --json)',
  };
}

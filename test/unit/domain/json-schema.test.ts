import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vobDocumentJsonSchema } from '../../../schemas/json-schema';

describe('schemas/vob-record.schema.json', () => {
  it('is what the zod contract generates (run `npm run schemas` after changing it)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../../schemas/vob-record.schema.json'), 'utf8'));
    expect(committed).toEqual(vobDocumentJsonSchema());
  });

  it('requires every contract key', () => {
    const schema = vobDocumentJsonSchema() as { required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['messageId', 'from', 'subject', 'requests', 'reply']));
  });
});

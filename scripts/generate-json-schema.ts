/** Writes schemas/vob-record.schema.json from the zod contract (zod's own JSON Schema export). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vobDocumentJsonSchema } from '../schemas/json-schema';

const target = join(__dirname, '..', '..', 'schemas', 'vob-record.schema.json');
writeFileSync(target, `${JSON.stringify(vobDocumentJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);

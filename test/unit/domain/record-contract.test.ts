/**
 * docs/record-contract.md is the contract a user's clone reads; schemas/ is that contract in zod.
 * The required-field table (names, order, "asked as") must be the same in both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REQUIRED_FIELDS, REQUIRED_FIELD_PROMPTS } from '../../../schemas/vob-record';

const contract = readFileSync(join(__dirname, '../../../docs/record-contract.md'), 'utf8');

/** Rows of the "Required fields" table: `| \`name\` | asked as |`. */
function requiredFieldRows(): [string, string][] {
  const section = contract.slice(contract.indexOf('## Required fields'));
  return [...section.matchAll(/^\|\s*`([^`]+)`\s*\|\s*([^|]+?)\s*\|$/gm)].map((m) => [m[1]!, m[2]!]);
}

describe('docs/record-contract.md', () => {
  it('lists the required fields in the order and wording the schema uses', () => {
    expect(requiredFieldRows()).toEqual(REQUIRED_FIELDS.map((f) => [f, REQUIRED_FIELD_PROMPTS[f]]));
  });

  it('names every reply reason the schema allows', () => {
    for (const reason of ['missing-fields', 'complete', 'auto-submitted', 'bulk-or-list', 'not-a-request', 'sender-not-allowed']) {
      expect(contract).toContain(reason);
    }
  });
});

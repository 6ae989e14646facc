/**
 * The person view's SDL: every reachable field is classified for the policy (issue 6), and every
 * type and field of schema/person.graphql carries a description (issue 5).
 */
import { isEnumType, isInputObjectType, isObjectType, parse, type DefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUnclassifiedPersonalFields } from '../../src/policy/schemaClasses.js';
import { buildGatewaySchema, SCHEMA_DIR } from '../../src/schema/build.js';

describe('schema/person.graphql', () => {
  const schema = buildGatewaySchema();

  it('leaves no personal field unclassified', () => {
    expect(findUnclassifiedPersonalFields(schema)).toEqual([]);
  });

  it('describes every type, field, argument and enum value', () => {
    const doc = parse(readFileSync(join(SCHEMA_DIR, 'person.graphql'), 'utf8'));
    const missing: string[] = [];
    for (const def of doc.definitions as readonly DefinitionNode[]) {
      if (!('name' in def) || !def.name) continue;
      const name = def.name.value;
      const type = schema.getType(name);
      if (def.kind !== 'ObjectTypeExtension' && !type?.description) missing.push(name);
      if (type && (isObjectType(type) || isInputObjectType(type))) {
        const own = 'fields' in def && def.fields ? def.fields.map((f) => f.name.value) : [];
        for (const f of own) if (!type.getFields()[f]?.description) missing.push(`${name}.${f}`);
      }
      if (type && isEnumType(type) && def.kind === 'EnumTypeDefinition') {
        // Self-explanatory codes (e.g. DATE_OF_BIRTH) may go without; the type itself must be described.
        expect(type.description, name).toBeTruthy();
      }
    }
    expect(missing).toEqual([]);
  });

  it('answers person, personBySourceKey and searchPersons with nullable source-backed parts', () => {
    const person = schema.getType('Person');
    expect(isObjectType(person)).toBe(true);
    if (!isObjectType(person)) return;
    for (const f of ['cidCases', 'caseNotes', 'custodyEpisodes', 'pncRecords', 'acroRequests', 'pathfinderRows', 'reporting', 'ownership', 'timeline', 'assessments', 'dataQuality']) {
      expect(String(person.getFields()[f]!.type), f).not.toMatch(/!$/);
    }
    const q = schema.getQueryType()!.getFields();
    expect(Object.keys(q)).toEqual(expect.arrayContaining(['person', 'personBySourceKey', 'searchPersons']));
  });
});

// Validates an IATI activity file against the official 2.03 schema with xmllint (WASM). The schema stays outside
// the repository (its licence is IATI's): it is read from ../shared/data/iati/ in tests only, never copied.
import { readFile } from 'node:fs/promises';
import { beforeAll } from 'vitest';
import { validateXML } from 'xmllint-wasm';

const SCHEMA_DIR = new URL('../../shared/data/iati/', import.meta.url);

/** Registers the schema's reading before the file's tests; returns the validation of a document. */
export function iatiValidator() {
  let schema: { fileName: string; contents: string }[] = [];
  beforeAll(async () => {
    schema = await Promise.all(
      ['iati-activities-schema.xsd', 'iati-common.xsd', 'xml.xsd'].map(async (fileName) => ({
        fileName,
        contents: await readFile(new URL(fileName, SCHEMA_DIR), 'utf8'),
      })),
    );
  });
  return async (xml: string) => {
    const [main, ...imported] = schema;
    const result = await validateXML({
      xml: [{ fileName: 'activities.xml', contents: xml }],
      schema: [main!],
      preload: imported,
    });
    return { valid: result.valid, errors: result.errors.map((e) => e.message) };
  };
}

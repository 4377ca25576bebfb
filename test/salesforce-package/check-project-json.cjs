// Run with Node 22 (the Salesforce CLI's libraries need it): checks an sfdx-project.json the way the CLI does.
// Two verdicts: the JSON Schema @salesforce/schemas publishes for the file, and @salesforce/core's own
// validation with SFDX_PROJECT_JSON_VALIDATION=true (what makes `sf package version create` refuse it).
// Prints one JSON line {schemaErrors: [...], coreError: string|null}.
const path = require('node:path');

async function main() {
  const file = path.resolve(process.argv[2]);
  const contents = require(file);
  // @salesforce/core's Ajv (draft-07), so the schema is read by the validator the CLI's libraries ship
  const coreDir = path.join(path.dirname(require.resolve('@salesforce/core')), '..');
  const Ajv = require(require.resolve('ajv', { paths: [coreDir] }));
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.validate(require('@salesforce/schemas/lib/sfdx-project.schema.json'), contents);
  const schemaErrors = (ajv.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);

  process.env.SFDX_PROJECT_JSON_VALIDATION = 'true';
  const { SfProjectJson } = require('@salesforce/core');
  let coreError = null;
  try {
    const project = await SfProjectJson.create({ rootFolder: path.dirname(file) });
    await project.schemaValidate();
  } catch (error) {
    coreError = error.message;
  }
  process.stdout.write(`${JSON.stringify({ schemaErrors, coreError })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(2);
});

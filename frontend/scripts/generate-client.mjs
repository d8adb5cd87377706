// The typed API client's schema comes from the repo's openapi.yaml, by this one script.
//   node scripts/generate-client.mjs          write src/api/schema.d.ts
//   node scripts/generate-client.mjs --check  fail if the committed file differs from a fresh generation
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";

const here = dirname(fileURLToPath(import.meta.url));
// OPENAPI_SPEC points elsewhere only to try a server that is not committed yet; CI always uses the repo's file.
const spec = resolve(process.env.OPENAPI_SPEC ?? resolve(here, "../../openapi.yaml"));
const target = resolve(here, "../src/api/schema.d.ts");
const header = "// Generated from ../openapi.yaml by `npm run generate-client`. Do not edit.\n\n";

const ast = await openapiTS(new URL(`file://${spec}`), { alphabetize: true });
const fresh = header + astToString(ast);

if (process.argv.includes("--check")) {
  const committed = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (committed !== fresh) {
    console.error("src/api/schema.d.ts is out of date with openapi.yaml: run `npm run generate-client` and commit it.");
    process.exit(1);
  }
  console.log("client schema matches openapi.yaml");
} else {
  writeFileSync(target, fresh);
  console.log(`wrote ${target}`);
}

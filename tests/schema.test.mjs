// The JSON Schemas of the contract: every bundled sample file and the manifest conform, a file
// from the generator conforms, and the schema rejects what the contract forbids.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";

const root = join(import.meta.dirname, "..");
const read = (p) => JSON.parse(readFileSync(join(root, p), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const metrics = ajv.compile(read("schema/chiso-metrics-1.schema.json"));
const manifest = ajv.compile(read("schema/chiso-manifest-1.schema.json"));

test("every sample file conforms to the schema", () => {
  const files = readdirSync(join(root, "public/data")).filter((f) => f.endsWith(".json"));
  assert.ok(files.length >= 5);
  for (const f of files) {
    const doc = read(`public/data/${f}`);
    const check = f === "manifest.json" ? manifest : metrics;
    assert.ok(check(doc), `${f}: ${JSON.stringify(check.errors)}`);
  }
});

test("the generator's output conforms", () => {
  const bin = join(root, "target/debug/chiso");
  const text = execFileSync(bin, ["generate", "--units", "2", "--quarters", "6", "--agencies", "1"], { maxBuffer: 1 << 26 });
  assert.ok(metrics(JSON.parse(text)), JSON.stringify(metrics.errors));
});

test("the schema rejects what the contract forbids", () => {
  const good = read("public/data/tay-ninh.json");
  const broken = [
    (d) => (d.format = "chiso-metrics/2"),
    (d) => (d.observations[0].value = "6"),
    (d) => (d.observations[0].period = "2020-Q5"),
    (d) => (d.units[0].level = "county"),
    (d) => (d.observations[8].of = 0),
    (d) => delete d.observations[0].unit,
    (d) => (d.title = { fr: "x" }),
  ];
  for (const breakIt of broken) {
    const doc = structuredClone(good);
    breakIt(doc);
    assert.equal(metrics(doc), false, `accepted: ${breakIt}`);
  }
});

/**
 * Results must not depend on the machine's time zone (npm test runs test/core under several TZ
 * values). The core never touches the host clock or calendar: it computes Excel serials in integer
 * arithmetic. This file checks the source for host-time APIs and compares fixed results across zones.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { describeFound, identifiers, parseFile, parseText, ROOT, tsFiles } from "./source";
import { EXPECTED, fingerprint } from "./tz-fingerprint";

/** Names that read the host's clock, time zone or locale. */
const HOST_TIME = /^(Date|Intl|getTimezoneOffset|toLocale\w*)$/;

function hostTimeUses(source: ReturnType<typeof parseText>) {
  return identifiers(source).filter((id) => HOST_TIME.test(id.name));
}

test("the scanner sees Date, Date.now, Intl and toLocale* in code, not in comments or strings", () => {
  const source = parseText(`
    // new Date() in a comment is fine, and so is "Date.now()" in a string
    const when = new Date(2004, 0, 28);
    const now = Date.now();
    const shown = (1234.5).toLocaleString("en-US");
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const offset = when.getTimezoneOffset();
    let typed: Date | undefined;
  `);
  expect(hostTimeUses(source).map((u) => u.name)).toEqual([
    "Date",
    "Date",
    "toLocaleString",
    "Intl",
    "getTimezoneOffset",
    "Date",
  ]);
});

test("nothing in src/core uses Date, Intl, getTimezoneOffset or toLocale*", () => {
  const files = tsFiles("src/core");
  expect(files).toContain("src/core/dates.ts");
  const uses = files.flatMap((file) => hostTimeUses(parseFile(file)));
  expect(describeFound(uses)).toEqual([]);
});

test(`date results are the fixed serials under this process's TZ (${process.env.TZ ?? "unset"})`, () => {
  expect(fingerprint()).toEqual(EXPECTED);
});

// Jest's sandbox cannot switch the zone of its own process, so other zones run in child processes.
test.each(["Pacific/Kiritimati", "America/Los_Angeles", "Pacific/Pago_Pago"])(
  "the same results in a child process under TZ=%s",
  (zone) => {
    const tsx = path.join(path.dirname(require.resolve("tsx/package.json")), "dist", "cli.mjs");
    const fingerprintModule = JSON.stringify(path.join(__dirname, "tz-fingerprint.ts"));
    const script = `console.log(new Date(Date.UTC(2005, 2, 31)).getTimezoneOffset()); console.log(JSON.stringify(require(${fingerprintModule}).fingerprint()));`;
    const child = spawnSync(process.execPath, [tsx, "-e", script], {
      cwd: ROOT,
      env: { ...process.env, TZ: zone },
      encoding: "utf8",
    });
    expect(child.status).toBe(0);
    const [offset, results] = child.stdout.trim().split("\n");
    // The zone really applied (the host's offset moved), so equal results mean something.
    expect(Number(offset)).toBe(
      {
        "Pacific/Kiritimati": -14 * 60,
        "America/Los_Angeles": 8 * 60,
        "Pacific/Pago_Pago": 11 * 60,
      }[zone]
    );
    expect(JSON.parse(results)).toEqual(EXPECTED);
  }
);

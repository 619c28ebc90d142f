/**
 * `btu calendar`: the fixed calendar printed and written as iCalendar, read back with ical.js
 * (Mozilla's parser, not the library that wrote it): 32 all-day events on BTU.CALENDAR's dates,
 * the clause in each description, UIDs unique and the same from one run to the next; with a
 * workbook made by openpyxl, its EVENT_DEADLINES cells' deadlines too.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ICAL from "ical.js";
import { evaluate } from "../../src/catalogue";
import { makeBook, tempDir } from "../headless/fixtures";
import { btu, serial } from "./btu";

interface ReadEvent {
  uid: string;
  date: string;
  allDay: boolean;
  summary: string;
  description: string;
}

async function readIcs(file: string): Promise<ReadEvent[]> {
  const component = new ICAL.Component(ICAL.parse(await fs.readFile(file, "utf8")));
  return component.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      date: event.startDate.toString(),
      allDay: event.startDate.isDate,
      summary: event.summary,
      description: event.description,
    };
  });
}

const iso = (n: number) =>
  new Date(Date.UTC(1899, 11, 30) + n * 86400000).toISOString().slice(0, 10);

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

test("btu calendar --ics: 32 all-day events on BTU.CALENDAR's dates, UIDs stable between runs", async () => {
  const first = path.join(dir, "first.ics");
  const second = path.join(dir, "second.ics");
  const run = btu(["calendar", "--ics", first]);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain("32 events written");
  expect(btu(["calendar", "--ics", second]).status).toBe(0);

  const events = await readIcs(first);
  expect(events).toHaveLength(32);
  expect(events.every((e) => e.allDay)).toBe(true);
  const result = evaluate("CALENDAR", []).result;
  if (!result.ok || !Array.isArray(result.value)) throw new Error("BTU.CALENDAR failed");
  expect(events.map((e) => e.date)).toEqual(result.value.map((row) => iso(row[0] as number)));
  expect(events.map((e) => e.summary)).toEqual(result.value.map((row) => row[1]));
  for (const [i, e] of events.entries())
    expect(e.description).toContain(String(result.value[i][2]));
  // TERMS.md: the first row is the Original Loan Agreement of 2002-06-26.
  expect(events[0]).toMatchObject({ date: "2002-06-26", summary: "Original Loan Agreement" });

  expect(new Set(events.map((e) => e.uid)).size).toBe(32);
  expect((await readIcs(second)).map((e) => e.uid)).toEqual(events.map((e) => e.uid));
});

test("--from and --to keep the rows in range; a bad date is a usage error", () => {
  const run = btu(["calendar", "--from", "2007-01-01", "--json"]);
  expect(run.status).toBe(0);
  const { entries } = JSON.parse(run.stdout) as { entries: { date: string }[] };
  // TERMS.md: INDEX(BTU.CALENDAR(DATE(2007,1,1)),1,1) = 2007-03-31; then 2007-03-31, -05-31, -06-30.
  expect(entries.map((e) => e.date)).toEqual([
    "2007-03-31",
    "2007-03-31",
    "2007-05-31",
    "2007-06-30",
  ]);
  const bad = btu(["calendar", "--from", "31/03/2005"]);
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain("--from takes a date as YYYY-MM-DD");
  expect(btu(["calendar", "--from", "2007-01-01", "--to", "2006-01-01"]).status).toBe(1);
});

test("btu calendar IN.xlsx --ics adds the deadlines of the workbook's EVENT_DEADLINES cells", async () => {
  const book = await makeBook(path.join(dir, "deadlines.xlsx"), {
    sheets: [
      {
        name: "Deadlines",
        cells: {
          A1: "Duress notification",
          B1: serial(2004, 12, 20),
          C1: { f: 'BTU.EVENT_DEADLINES("duress_notification",B1)', v: 38373 },
          A4: "Insurance cancellation",
          B4: serial(2005, 3, 1),
          C4: { f: 'BTU.EVENT_DEADLINES("insurance_cancellation",B4)', v: 38402 },
        },
      },
    ],
  });
  const ics = path.join(dir, "deadlines.ics");
  const run = btu(["calendar", book, "--ics", ics]);
  expect(run.status).toBe(0);
  const events = await readIcs(ics);
  expect(events).toHaveLength(35);
  const fromBook = events.filter((e) => e.description.includes("Deadlines!"));
  // TERMS.md: 38373 (2005-01-21) and 38387 (2005-02-04); 38402 (2005-02-19).
  expect(fromBook.map((e) => [e.date, e.description])).toEqual([
    ["2005-01-21", "SEP 4(c)(i). From Deadlines!C1."],
    ["2005-02-04", "SEP 4(c)(i). From Deadlines!C1."],
    ["2005-02-19", "SA 13(b). From Deadlines!C4."],
  ]);
  // The workbook is never its own output.
  const same = btu(["calendar", book, "--ics", book]);
  expect(same.status).toBe(2);
});

/**
 * `btu calendar`: the fixed dates of both agreements (BTU.CALENDAR), and with a workbook the
 * deadlines of its BTU.EVENT_DEADLINES cells, printed and written as an iCalendar file (RFC 5545)
 * by ical-generator: all-day events, the clause in the description, and UIDs that stay the same
 * from one run to the next, so that importing the file again updates the events instead of
 * duplicating them.
 */
import { createHash } from "crypto";
import ical from "ical-generator";
import { findBtuCalls } from "../catalogue";
import {
  DATE_1904_OFFSET,
  agreementCalendar,
  isoToSerial,
  isValidSerial,
  serialToIso,
} from "../core";
import { checkOutput, writeAtomically } from "../headless/files";
import { recalculate } from "../headless/recalc";
import { loadWorkbook } from "../headless/workbook";

export interface CalendarEntry {
  date: string;
  event: string;
  clause: string;
  /** Where the row comes from: the agreements, or a workbook cell ("Deadlines!B4"). */
  source: string;
  uid: string;
}

/** A UID that names the entry, not the run: the same row gets the same UID every time. */
function uidOf(...parts: string[]): string {
  const hash = createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 24);
  return `${hash}@btu-contract-functions`;
}

function fixedEntries(from?: number, to?: number): CalendarEntry[] {
  return agreementCalendar()
    .filter(([date]) => (from === undefined || date >= from) && (to === undefined || date <= to))
    .map(([date, event, clause]) => ({
      date: serialToIso(date),
      event,
      clause,
      source: "the agreements",
      uid: uidOf("fixed", serialToIso(date), event, clause),
    }));
}

/**
 * The deadlines a workbook's EVENT_DEADLINES cells spill, as the headless engine computes them.
 * A cell is its formula's place: its UID stays when the event date in it changes, so a calendar
 * that imported it moves the event rather than adding another.
 */
async function workbookEntries(
  file: string
): Promise<{ entries: CalendarEntry[]; skipped: string[] }> {
  const loaded = await loadWorkbook(file);
  const cells = loaded.formulas.filter((f) => f.btu && /EVENT_DEADLINES/i.test(f.stored));
  const { engine, address } = recalculate(loaded);
  const entries: CalendarEntry[] = [];
  const skipped: string[] = [];
  for (const cell of cells) {
    const where = `${cell.sheet}!${cell.address}`;
    const calls = findBtuCalls(`=${cell.stored}`);
    const whole =
      calls.length === 1 &&
      calls[0].name === "EVENT_DEADLINES" &&
      `=${cell.stored}`.replace(/^=/, "").trim() === calls[0].text;
    if (!whole) {
      skipped.push(`${where} (EVENT_DEADLINES inside another formula)`);
      continue;
    }
    const anchor = address(cell);
    for (let row = 0; ; row++) {
      const at = { ...anchor, row: anchor.row + row };
      const read = (col: number) => engine.getCellValue({ ...at, col: anchor.col + col });
      const date = read(0);
      if (row > 0 && !engine.isCellPartOfArray(at)) break;
      if (typeof date !== "number") {
        if (row === 0)
          skipped.push(`${where} (${String((date as { value?: string })?.value ?? date)})`);
        break;
      }
      const serial = Math.floor(date) + (loaded.date1904 ? DATE_1904_OFFSET : 0);
      entries.push({
        date: serialToIso(serial),
        event: String(read(1)),
        clause: String(read(2)),
        source: where,
        uid: uidOf("cell", where, String(row)),
      });
    }
  }
  return { entries, skipped };
}

/** The iCalendar text: one all-day event per entry, the clause and the source in its description. */
export function icsText(entries: readonly CalendarEntry[]): string {
  const calendar = ical({
    name: "BTU International agreements",
    prodId: { company: "BTU contract functions", product: "btu calendar", language: "EN" },
  });
  for (const entry of entries) {
    const [y, m, d] = entry.date.split("-").map(Number);
    calendar.createEvent({
      id: entry.uid,
      allDay: true,
      // With no calendar time zone ical-generator writes the date from the UTC fields: the day is
      // the row's own on any machine (VALUE=DATE, no time).
      start: new Date(Date.UTC(y, m - 1, d)),
      summary: entry.event,
      description: `${entry.clause}. From ${entry.source}.`,
    });
  }
  return calendar.toString();
}

export interface CalendarOptions {
  /** Serials: the rows kept, inclusive. */
  from?: number;
  to?: number;
  workbook?: string;
  ics?: string;
}

/** "2005-03-31" as a serial; undefined when the text is not such a date. */
export function isoOption(text: string): number | undefined {
  const serial = /^\d{4}-\d{2}-\d{2}$/.test(text) ? isoToSerial(text) : NaN;
  return isValidSerial(serial) && serialToIso(serial) === text ? serial : undefined;
}

export interface CalendarResult {
  entries: CalendarEntry[];
  skipped: string[];
  written?: string;
}

export async function calendar(options: CalendarOptions): Promise<CalendarResult> {
  const { from, to } = options;
  const entries = fixedEntries(from, to);
  let skipped: string[] = [];
  if (options.workbook) {
    const found = await workbookEntries(options.workbook);
    const inRange = (date: string) => {
      const serial = isoToSerial(date);
      return (from === undefined || serial >= from) && (to === undefined || serial <= to);
    };
    entries.push(...found.entries.filter((entry) => inRange(entry.date)));
    skipped = found.skipped;
    entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  if (!options.ics) return { entries, skipped };
  if (options.workbook) checkOutput(options.workbook, options.ics, false);
  await writeAtomically(options.ics, new TextEncoder().encode(icsText(entries)));
  return { entries, skipped, written: options.ics };
}

export function calendarReport(result: CalendarResult): string {
  const lines = result.entries.map(
    (e) =>
      `${e.date}  ${e.event} (${e.clause})${e.source === "the agreements" ? "" : ` — ${e.source}`}`
  );
  if (result.skipped.length) lines.push(`Not read: ${result.skipped.join("; ")}.`);
  if (result.written)
    lines.push(
      `${result.entries.length} events written to ${result.written} (iCalendar, all-day).`
    );
  return lines.join("\n");
}

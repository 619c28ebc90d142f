/**
 * The agreements' dates as an iCalendar file (RFC 5545), for `btu calendar` and the taskpane alike:
 * ical-generator writes it (all-day events, the clause in the description); each event's UID names
 * the row, not the run, so a calendar that imports the file again updates its events instead of
 * adding copies. Node-free and Office-free: the pane builds the same file in the browser.
 */
import ical from "ical-generator";
import { calendarBetween, serialToIso } from "../core";

export interface CalendarEntry {
  date: string;
  event: string;
  clause: string;
  /** Where the row comes from: the agreements, or a workbook cell ("Deadlines!B4"). */
  source: string;
  uid: string;
}

export const AGREEMENTS_SOURCE = "the agreements";

/** 64 bits of FNV-1a over the parts: stable across runs and machines, and short. */
function hash(text: string): string {
  let low = 0x811c9dc5;
  let high = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    low = Math.imul(low ^ text.charCodeAt(i), 0x01000193) >>> 0;
    high = Math.imul(high ^ (low & 0xff), 0x01000193) >>> 0;
  }
  return high.toString(16).padStart(8, "0") + low.toString(16).padStart(8, "0");
}

/** A UID that names the entry: the same row gets the same UID every time. */
export function calendarUid(...parts: string[]): string {
  return `${hash(parts.join("\u0000"))}@btu-contract-functions`;
}

/** The fixed calendar (BTU.CALENDAR's rows) between two serials, inclusive. */
export function fixedCalendarEntries(from?: number, to?: number): CalendarEntry[] {
  return calendarBetween(from, to).map(([date, event, clause]) => ({
    date: serialToIso(date),
    event,
    clause,
    source: AGREEMENTS_SOURCE,
    uid: calendarUid("fixed", serialToIso(date), event, clause),
  }));
}

/** A workbook deadline: its UID follows the cell and row, so a new event date moves the event. */
export function cellCalendarEntry(
  where: string,
  row: number,
  iso: string,
  event: string,
  clause: string
): CalendarEntry {
  return { date: iso, event, clause, source: where, uid: calendarUid("cell", where, String(row)) };
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

/**
 * `btu calendar`: the fixed dates of both agreements (BTU.CALENDAR), and with a workbook the
 * deadlines of its BTU.EVENT_DEADLINES cells as the headless engine computes them, printed and
 * written as an iCalendar file (src/catalogue/icalendar.ts).
 */
import { soleCall } from "../catalogue";
import {
  AGREEMENTS_SOURCE,
  CalendarEntry,
  cellCalendarEntry,
  fixedCalendarEntries,
  icsText,
} from "../catalogue/icalendar";
import {
  DATE_1904_OFFSET,
  EVENT_DEADLINE_ROWS,
  isoToSerial,
  isValidSerial,
  serialToIso,
} from "../core";
import { checkOutput, writeAtomically } from "../headless/files";
import { recalculate } from "../headless/recalc";
import { loadWorkbook } from "../headless/workbook";

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
    if (soleCall(cell.stored)?.name !== "EVENT_DEADLINES") {
      skipped.push(`${where} (EVENT_DEADLINES inside another formula)`);
      continue;
    }
    const anchor = address(cell);
    // No further than the rows the engine reserves for the spill: below them may be another cell's.
    for (let row = 0; row < EVENT_DEADLINE_ROWS; row++) {
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
      entries.push(
        cellCalendarEntry(where, row, serialToIso(serial), String(read(1)), String(read(2)))
      );
    }
  }
  return { entries, skipped };
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
  const entries = fixedCalendarEntries(from, to);
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
      `${e.date}  ${e.event} (${e.clause})${e.source === AGREEMENTS_SOURCE ? "" : ` — ${e.source}`}`
  );
  if (result.skipped.length) lines.push(`Not read: ${result.skipped.join("; ")}.`);
  if (result.written)
    lines.push(
      `${result.entries.length} events written to ${result.written} (iCalendar, all-day).`
    );
  return lines.join("\n");
}

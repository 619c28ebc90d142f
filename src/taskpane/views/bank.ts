/**
 * The Audit tab's "For the Bank" card: insert either certificate as a ready sheet, and download
 * the agreements' calendar with the workbook's EVENT_DEADLINES deadlines as an .ics file. The file
 * is built in the pane and saved through the browser's own download, which Excel on the web and
 * the desktop's web view both offer; nothing is sent anywhere.
 */
import { CertificateKind, insertCertificate } from "../certificates";
import { byId, el, replace } from "../dom";
import { Host } from "../host";
import { readDeadlineCells } from "../workbook";
import { messageBar, spinner } from "./common";

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const CALENDAR_FILE = "btu-agreements-calendar.ics";

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/calendar" }));
  const link = el("a", { attrs: { href: url, download: CALENDAR_FILE, hidden: true } });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: the download has its own copy by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function mountBank(host: Host): void {
  const status = byId("bank-status");
  const insert = (kind: CertificateKind) => () => {
    replace(status, spinner("Writing the certificate…"));
    host
      .excel((context) => insertCertificate(context, kind))
      .then((where) =>
        replace(
          status,
          messageBar(
            "success",
            "Certificate inserted.",
            `On the new sheet ${where.address}: fill in the yellow cells; the figures follow.`
          )
        )
      )
      .catch((error) =>
        replace(status, messageBar("error", "Could not insert the certificate.", message(error)))
      );
  };
  byId("insert-compliance").addEventListener("click", insert("COMPLIANCE"));
  byId("insert-bbc").addEventListener("click", insert("BORROWING_BASE_CERTIFICATE"));

  byId("calendar-export").addEventListener("click", () => {
    replace(status, spinner("Building the calendar…"));
    Promise.all([
      import(/* webpackChunkName: "icalendar" */ "../../catalogue/icalendar"),
      host.excel(readDeadlineCells),
    ])
      .then(([ical, deadlines]) => {
        const entries = [
          ...ical.fixedCalendarEntries(),
          ...deadlines.map((d) => ical.cellCalendarEntry(d.where, d.row, d.iso, d.event, d.clause)),
        ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
        download(ical.icsText(entries));
        replace(
          status,
          messageBar(
            "success",
            "Calendar saved.",
            `${entries.length} all-day events in ${CALENDAR_FILE} (${deadlines.length} from this workbook's EVENT_DEADLINES cells). Importing it again updates the same events.`
          )
        );
      })
      .catch((error) =>
        replace(status, messageBar("error", "Could not build the calendar.", message(error)))
      );
  });
}

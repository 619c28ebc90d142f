/** The "Audit" tab: the Audit sheet, values-only copies, and the workbook settings that change results. */
import { CATALOGUE, RunContext, WorkbookSettings } from "../../catalogue";
import { DEFAULT_WATCH_SHARE } from "../../core";
import { createAuditSheet } from "../audit";
import { byId, el, replace } from "../dom";
import { chooseDropdownValue, nameDropdown } from "../dropdown";
import { readDate, shortDate, weekdayDate } from "../format";
import { Host } from "../host";
import { recalculate, saveSettings } from "../settings";
import { button, messageBar, spinner } from "./common";

export interface AuditState {
  settings(): WorkbookSettings;
  /** Called once new settings are saved in the workbook. */
  settingsSaved(settings: WorkbookSettings): void;
  run(): RunContext;
}

/** The functions that read the watch share, from their definitions. */
const WATCH_READERS = CATALOGUE.filter((definition) => definition.settings?.includes("watchShare"));

/** "10%" or "0.1" as 0.1; undefined when blank; null when it is no share from 0 to 1. */
function readShare(text: string): number | undefined | null {
  const value = text.trim();
  if (!value) return undefined;
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(value);
  const share = percent
    ? Number(percent[1]) / 100
    : /^\d*\.?\d+$/.test(value)
      ? Number(value)
      : NaN;
  return Number.isFinite(share) && share >= 0 && share <= 1 ? share : null;
}

/** The functions whose blank method the setting fills, and that parameter's choices, from their definitions. */
const METHOD_READERS = CATALOGUE.filter((definition) =>
  definition.settings?.includes("discountMethod")
);
const METHOD_CHOICES =
  METHOD_READERS[0]?.params.find((param) => param.kind === "keyword" && param.name === "method")
    ?.choices ?? [];

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function mountAudit(host: Host, state: AuditState): void {
  const status = byId("audit-status");
  const valuesCopy = byId<HTMLElement & { checked: boolean }>("values-copy");
  const method = byId<HTMLElement & { value: string | null }>("setting-method");
  const holidayList = byId("holiday-list");
  const holidayDate = byId<HTMLElement & { value: string }>("holiday-date");
  const holidayEcho = byId("holiday-date-echo");
  const watchShare = byId<HTMLElement & { value: string }>("watch-share");
  nameDropdown(method, "Default discount method");
  const settingsStatus = byId("settings-status");
  let holidays: number[] = [];

  byId("audit-run").addEventListener("click", () => {
    replace(status, spinner("Reading every BTU cell…"));
    host
      .excel((context) =>
        createAuditSheet(context, state.run(), { valuesCopies: valuesCopy.checked })
      )
      .then((summary) =>
        replace(
          status,
          messageBar(
            "success",
            "Audit sheet written.",
            summary.cells
              ? `${summary.cells} BTU cell${summary.cells === 1 ? "" : "s"} listed, ${summary.checks} with a native formula and a check (${summary.address}).`
              : "This workbook has no BTU cells yet; the sheet lists the settings only."
          ),
          summary.copies.length
            ? messageBar(
                "info",
                "Values-only copies:",
                `${summary.copies.join(", ")}. To send them to someone without the add-in, select those tabs, right-click, choose Move or Copy, and pick (new book).`
              )
            : null,
          summary.copyError
            ? messageBar(
                "warning",
                "No values-only copies:",
                `${summary.copyError} Copy the sheets and paste them as values by hand.`
              )
            : null
        )
      )
      .catch((error) =>
        replace(status, messageBar("error", "Could not write the Audit sheet.", message(error)))
      );
  });

  const renderHolidays = () => {
    replace(
      holidayList,
      ...(holidays.length
        ? holidays.map((serial) =>
            el(
              "li",
              { class: "holiday" },
              el("span", { class: "holiday-date" }, weekdayDate(serial)),
              button(
                "Remove",
                () => {
                  holidays = holidays.filter((day) => day !== serial);
                  renderHolidays();
                },
                { appearance: "subtle", attrs: { "aria-label": `Remove ${shortDate(serial)}` } }
              )
            )
          )
        : [el("li", { class: "muted" }, "None: US federal holidays as observed only.")])
    );
  };

  const showSettings = () => {
    const current = state.settings();
    chooseDropdownValue(method, current.discountMethod ?? "");
    holidays = [...(current.extraHolidays ?? [])].sort((a, b) => a - b);
    renderHolidays();
    watchShare.value = current.watchShare === undefined ? "" : `${current.watchShare * 100}%`;
  };

  replace(
    byId("setting-method-options"),
    el(
      "fluent-option",
      { attrs: { value: "" } },
      `Not set (${METHOD_CHOICES[0]?.value ?? "default"})`
    ),
    ...METHOD_CHOICES.map((choice) =>
      el("fluent-option", { attrs: { value: choice.value } }, `${choice.value}: ${choice.help}`)
    )
  );
  byId("setting-method-help").textContent =
    `For ${METHOD_READERS.map((definition) => `BTU.${definition.name}`).join(" and ")} cells that give no method (${METHOD_READERS.flatMap(
      (definition) => definition.clauses
    )
      .filter((id) => /^SEP 4\(c\)/.test(id))
      .join(", ")}).`;

  holidayDate.addEventListener("input", () => {
    const serial = readDate(holidayDate.value);
    replace(holidayEcho, serial === undefined ? "" : weekdayDate(serial));
  });
  byId("holiday-add").addEventListener("click", () => {
    if (!holidayDate.value.trim()) return;
    const serial = readDate(holidayDate.value);
    if (serial === undefined) {
      replace(holidayEcho, "Type a date such as 10 Oct 2005 or 2005-10-10.");
      return;
    }
    if (!holidays.includes(serial)) holidays = [...holidays, serial].sort((a, b) => a - b);
    holidayDate.value = "";
    replace(holidayEcho, "");
    renderHolidays();
  });

  byId("watch-share-help").textContent =
    `For ${WATCH_READERS.map((definition) => `BTU.${definition.name}`).join(" and ")}: a passing covenant whose headroom is less than this share of its limit shows WATCH. A percentage such as 10% or a fraction such as 0.1; blank means ${DEFAULT_WATCH_SHARE * 100}%.`;

  byId("settings-save").addEventListener("click", () => {
    const settings: WorkbookSettings = {};
    if (method.value) settings.discountMethod = method.value;
    if (holidays.length) settings.extraHolidays = holidays;
    const share = readShare(watchShare.value ?? "");
    if (share === null) {
      replace(
        settingsStatus,
        messageBar(
          "error",
          "Watch share:",
          "type a percentage from 0% to 100% (such as 10%) or a fraction from 0 to 1."
        )
      );
      return;
    }
    if (share !== undefined) settings.watchShare = share;
    replace(settingsStatus, spinner("Saving…"));
    saveSettings(host.settings, settings)
      .then(() => host.excel(recalculate))
      .then(() => {
        state.settingsSaved(settings);
        replace(
          settingsStatus,
          messageBar(
            "success",
            "Saved in this workbook.",
            "Every BTU cell has been recalculated with these settings."
          )
        );
      })
      .catch((error) =>
        replace(settingsStatus, messageBar("error", "Could not save the settings.", message(error)))
      );
  });

  showSettings();
}

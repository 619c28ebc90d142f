/**
 * The taskpane: "which clause applies, and why" for the selected cell, the agreements' text, the
 * function catalogue and the audit, over the same catalogue and core as the BTU functions.
 */
import {
  RunContext,
  WorkbookSettings,
  clauseLibrary,
  setWorkbookDate1904,
  workbookDate1904,
} from "../catalogue";
import * as clauses from "../core/clauses";
import { afterPaint, byId, el, replace } from "./dom";
import { appliedTheme, applyTheme, themeOf } from "./theme";
import { Host } from "./host";
import { explainSelection } from "./selection";
import { loadSettings } from "./settings";
import { chartTable } from "./charts";
import { insertChartTable, readDate1904, selectCell, watchWorkbook } from "./workbook";
import type { Panels } from "./panels";
import { AuditState } from "./views/audit";
import { LAZY_TABS, Navigation, Tab, button, messageBar, spinner } from "./views/common";
import { renderSelection, renderWaiting } from "./views/thisCell";

const library = clauseLibrary(clauses);

/** How long the pane waits for events to settle before explaining the cell again. */
const REFRESH_DEBOUNCE_MS = 150;

function start(host: Host): void {
  let settings: WorkbookSettings = loadSettings(host.settings);
  const run = (): RunContext => ({ settings, clauses: library, date1904: workbookDate1904() });

  const tabs = byId<HTMLElement & { activeid: string }>("tabs");
  const nav: Navigation = {
    showTab: (tab: Tab) => {
      tabs.activeid = `tab-${tab}`;
    },
    openClause: (id) => withPanels((loaded) => loaded.clauses.open(id)),
    openFunction: (name) => withPanels((loaded) => loaded.functions.open(name)),
    insertChart: (data) => host.excel((context) => insertChartTable(context, chartTable(data))),
    openCell: (sheet, address) => {
      nav.showTab("cell");
      void host.excel((context) => selectCell(context, sheet, address));
    },
  };

  const cellView = byId("cell-view");
  const cellStatus = byId("cell-status");
  let sequence = 0;
  const explainCell = async () => {
    const mine = ++sequence;
    try {
      const model = await host.excel((context) => explainSelection(context, run()));
      if (mine !== sequence) return;
      replace(cellView, ...renderSelection(model, nav, run()));
      cellStatus.textContent = model.calls.length
        ? `${model.cell.sheet}!${model.cell.address}: ${model.calls.map((c) => `BTU.${c.name}`).join(", ")} explained`
        : `${model.cell.sheet}!${model.cell.address}: no BTU formula`;
    } catch (error) {
      if (mine === sequence)
        replace(
          cellView,
          messageBar(
            "error",
            "Could not read the selected cell.",
            error instanceof Error ? error.message : String(error)
          )
        );
    }
  };

  const panelState: AuditState = {
    settings: () => settings,
    settingsSaved: (saved) => {
      settings = saved;
      void explainCell();
    },
    run,
  };
  // The other tabs come once the first explanation is on screen, or when one is asked for first.
  let panels: Promise<Panels | undefined> | undefined;
  const withPanels = (use: (loaded: Panels) => void = () => undefined): void => {
    panels ??= Promise.all([
      loadFluent(),
      import(/* webpackChunkName: "panels" */ "./panels"),
    ]).then(
      ([, { mountPanels }]) => mountPanels(host, nav, panelState),
      (error: unknown) => {
        for (const tab of LAZY_TABS)
          replace(
            byId(`panel-${tab}`),
            messageBar(
              "error",
              "This tab did not load.",
              `${error instanceof Error ? error.message : String(error)} Close and reopen the pane.`
            )
          );
        return undefined;
      }
    );
    void panels.then((loaded) => loaded && use(loaded));
  };
  tabs.addEventListener("change", () => withPanels());
  // Until Fluent has made them a tab list, a click on a tab still opens it.
  tabs.addEventListener("click", (event) => {
    const tab = event.target instanceof Element ? event.target.closest("fluent-tab") : null;
    if (tab && !customElements.get("fluent-tablist"))
      withPanels(() => nav.showTab(tab.id.replace(/^tab-/, "") as Tab));
  });

  // One edit fires a change and a calculation, a paste many: explain once they settle.
  let pending: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    clearTimeout(pending);
    pending = setTimeout(() => void explainCell(), REFRESH_DEBOUNCE_MS);
  };

  replace(cellView, renderWaiting());
  host
    .excel(async (context) => {
      const date1904 = await readDate1904(context);
      const changed = workbookDate1904() !== undefined && workbookDate1904() !== date1904;
      setWorkbookDate1904(date1904);
      // Functions that ran before the date system was known assumed 1900: have them run again.
      if (date1904 || changed) context.workbook.application.calculate(Excel.CalculationType.full);
      await watchWorkbook(context, refresh);
    })
    .then(() => explainCell())
    .then(() => afterPaint(() => withPanels()))
    .catch((error) => {
      replace(
        cellView,
        messageBar(
          "error",
          "Excel did not answer.",
          error instanceof Error ? error.message : String(error)
        )
      );
      upgradeAfterPaint();
    });
}

function outsideExcel(): void {
  replace(
    byId("cell-view"),
    el(
      "div",
      { class: "empty-state" },
      el("h2", {}, "Open this add-in in Excel"),
      el("p", { class: "muted" }, "The pane explains the BTU.* formulas of an Excel workbook.")
    )
  );
  upgradeAfterPaint();
}

/** Office.js comes from Microsoft's CDN: without it the pane says so and offers to try again. */
function officeUnavailable(reason: string): void {
  replace(
    byId("cell-view"),
    el(
      "div",
      { class: "empty-state", attrs: { role: "alert" } },
      el("h2", {}, "Office did not start"),
      el("p", { class: "muted" }, reason),
      button("Retry", () => location.reload(), {
        appearance: "primary",
        attrs: { id: "office-retry" },
      })
    )
  );
  upgradeAfterPaint();
}

/** How long Office.onReady may take before the pane says it is not coming. */
const OFFICE_TIMEOUT_MS = 15_000;

let fluent: Promise<typeof import("./fluent")> | undefined;

/**
 * Fluent's components, built once the first view has painted or when a tab is asked for sooner:
 * building them first held the first explanation back by 25–30 ms (median of 25 interleaved
 * loads). The chunk is prefetched meanwhile, and taskpane.css draws the tabs and buttons alike
 * until they upgrade.
 */
function loadFluent(): Promise<unknown> {
  fluent ??= import(/* webpackChunkName: "fluent", webpackPrefetch: true */ "./fluent").then(
    (module) => {
      module.applyFluentTheme(appliedTheme());
      module.registerFluent();
      return module;
    }
  );
  return fluent;
}

/** A view that is not an explanation still gets Fluent's look once it has painted. */
function upgradeAfterPaint(): void {
  // Without the chunk the view still works: its buttons are plain elements with their handlers.
  afterPaint(() => void loadFluent().catch(() => undefined));
}

/** Office's theme where Office gives one, else the system's; Fluent's tokens and the pane's own colours follow. */
function useTheme(office?: Office.OfficeTheme): void {
  const theme = themeOf(office, {
    prefersDark: matchMedia("(prefers-color-scheme: dark)").matches,
    forcedColors: matchMedia("(forced-colors: active)").matches,
  });
  applyTheme(theme);
  void fluent?.then(
    (module) => module.applyFluentTheme(theme),
    () => undefined
  );
}

useTheme();
// Until Office gives its theme (and outside Office), the system's setting applies as it changes.
for (const query of ["(prefers-color-scheme: dark)", "(forced-colors: active)"])
  matchMedia(query).addEventListener("change", () =>
    useTheme(typeof Office === "undefined" ? undefined : Office.context?.officeTheme)
  );
replace(byId("cell-view"), spinner("Starting…"));
if (typeof Office === "undefined") {
  officeUnavailable(
    "Office.js could not be loaded from Microsoft's servers. Check the connection, then retry."
  );
} else {
  const late = setTimeout(
    () => officeUnavailable("Excel has not answered yet. Close and reopen the pane, or retry."),
    OFFICE_TIMEOUT_MS
  );
  Office.onReady((info) => {
    clearTimeout(late);
    useTheme(Office.context.officeTheme);
    if (info.host !== Office.HostType.Excel) {
      outsideExcel();
      return;
    }
    start({ excel: (batch) => Excel.run(batch), settings: Office.context.document.settings });
  });
}

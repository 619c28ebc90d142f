/** The "This cell" tab: the selected cell and every BTU call in it, explained. */
import { RunContext, findBtuCalls, findFunction, soleCall } from "../../catalogue";
import { qualifiedAddress } from "../arguments";
import { formatScalar } from "../format";
import { SelectionModel } from "../selection";
import { Child, el } from "../dom";
import { callCard } from "./callCard";
import { Navigation, button } from "./common";

/** What the cell shows, read as its outer call's result kind when the formula is one call. */
function shownValue(model: SelectionModel): string | undefined {
  const { cell, calls } = model;
  if (!cell.formula || cell.value === null) return undefined;
  const whole = calls[0] && soleCall(cell.formula) ? calls[0].spec?.result : undefined;
  // A spilling cell shows its first row's first column.
  const kind = whole === "rows" ? findFunction(calls[0].name)?.spill?.columns[0]?.kind : whole;
  return formatScalar(cell.value, kind ?? "number");
}

function cellHeader(model: SelectionModel): HTMLElement {
  const { cell } = model;
  const value = shownValue(model);
  return el(
    "div",
    { class: "cell-head" },
    el(
      "div",
      { class: "cell-top" },
      el(
        "div",
        { class: "cell-address" },
        el("span", { class: "sheet-name" }, cell.sheet),
        el("span", { class: "cell-ref" }, cell.address)
      ),
      value !== undefined ? el("span", { class: "cell-value" }, `Cell shows ${value}`) : null
    ),
    cell.formula ? el("code", { class: "formula" }, cell.formula) : null
  );
}

function noFormula(model: SelectionModel, nav: Navigation): HTMLElement {
  const { cell } = model;
  const holds: Child =
    cell.value === null
      ? "It is empty."
      : cell.formula
        ? el("span", {}, "Its formula calls no BTU function.")
        : el(
            "span",
            {},
            "It holds ",
            el(
              "q",
              { class: "cell-text" },
              typeof cell.value === "string" ? cell.value : formatScalar(cell.value, "number")
            ),
            "."
          );
  return el(
    "div",
    { class: "empty-state" },
    el("div", { class: "empty-icon", attrs: { "aria-hidden": "true" } }, "ƒx"),
    el("h2", {}, "No BTU formula in this cell"),
    el("p", {}, holds),
    el(
      "p",
      { class: "muted" },
      "Select a cell with a BTU.* formula to see which clauses produce its figure, or build one from the catalogue."
    ),
    button("Browse the functions", () => nav.showTab("functions"), { appearance: "primary" })
  );
}

/** A formula without BTU calls that reads BTU cells: each of them, its value, and a way to it. */
function feedersCard(model: SelectionModel, nav: Navigation): HTMLElement {
  return el(
    "section",
    { class: "card feeders", attrs: { "aria-labelledby": "feeders-heading" } },
    el("h2", { attrs: { id: "feeders-heading" } }, "This formula reads BTU results"),
    el(
      "p",
      { class: "muted" },
      `Its figure follows from ${model.feeders.length === 1 ? "this cell" : `these ${model.feeders.length} cells`}; open one to see which clauses produce it.`
    ),
    el(
      "ul",
      { class: "feeder-list" },
      ...model.feeders.map((feeder) => {
        const calls = findBtuCalls(feeder.formula);
        const sole = soleCall(feeder.formula);
        const kind = (sole && findFunction(sole.name)?.result) || "number";
        const where = qualifiedAddress(feeder.sheet, feeder.address);
        return el(
          "li",
          { class: "feeder" },
          el(
            "div",
            { class: "feeder-top" },
            el("code", { class: "feeder-ref" }, where),
            el(
              "span",
              { class: "feeder-value" },
              formatScalar(feeder.value, kind === "rows" ? "number" : kind)
            )
          ),
          el(
            "div",
            { class: "feeder-calls muted" },
            calls.map((call) => `BTU.${call.name}`).join(", ")
          ),
          button("Explain", () => nav.openCell(feeder.sheet, feeder.address), {
            appearance: "outline",
            attrs: { "aria-label": `Explain ${where}` },
          })
        );
      })
    ),
    model.unsearched.length
      ? el(
          "p",
          { class: "muted" },
          `Not searched for BTU cells (too large to read at once): ${model.unsearched.join(", ")}.`
        )
      : null
  );
}

export function renderSelection(model: SelectionModel, nav: Navigation, run: RunContext): Child[] {
  if (model.feeders.length) return [cellHeader(model), feedersCard(model, nav)];
  if (!model.calls.length) return [cellHeader(model), noFormula(model, nav)];
  const summary =
    model.calls.length > 1
      ? el(
          "p",
          { class: "muted calls-summary" },
          `${model.calls.length} BTU calls in this formula, each explained below (outer call first).`
        )
      : null;
  return [
    cellHeader(model),
    summary,
    ...model.calls.map((call) => callCard(call, { nav, calls: model.calls, run })),
  ];
}

export function renderWaiting(): HTMLElement {
  return el(
    "div",
    { class: "empty-state" },
    el("div", { class: "empty-icon", attrs: { "aria-hidden": "true" } }, "§"),
    el("h2", {}, "Select a cell"),
    el(
      "p",
      { class: "muted" },
      "Select a cell with a BTU.* formula: this tab shows its inputs, each step with its clause, and the reading of the agreement it uses."
    )
  );
}

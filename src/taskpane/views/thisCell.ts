/** The "This cell" tab: the selected cell and every BTU call in it, explained. */
import { findFunction } from "../../catalogue";
import { formatScalar } from "../format";
import { SelectionModel } from "../selection";
import { Child, el } from "../dom";
import { callCard } from "./callCard";
import { Navigation, button } from "./common";

/** What the cell shows, read as its outer call's result kind when the formula is one call. */
function shownValue(model: SelectionModel): string | undefined {
  const { cell, calls } = model;
  if (!cell.formula || cell.value === null) return undefined;
  const whole =
    calls[0] && cell.formula.replace(/^=/, "").trim() === calls[0].text
      ? calls[0].spec?.result
      : undefined;
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
    button("Browse the functions", () => nav.showTab("functions"), { appearance: "accent" })
  );
}

export function renderSelection(model: SelectionModel, nav: Navigation): Child[] {
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
    ...model.calls.map((call) => callCard(call, { nav, calls: model.calls })),
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

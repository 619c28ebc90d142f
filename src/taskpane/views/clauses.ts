/**
 * The "Clauses" tab: full-text search over both agreements, a clause's verbatim text, the
 * functions and terms that cite it, and the cells of the workbook whose formulas depend on it.
 */
import { Decimal, Term, TermVersion, formatMoney } from "../../core";
import { clauseById } from "../../core/clauses";
import { searchClauses } from "../../core/clauses/search";
import { functionsCiting, termsCiting } from "../citations";
import { Child, breakable, byId, el, highlighted, replace } from "../dom";
import { findCellsCiting } from "../find";
import { selectCell } from "../workbook";
import { Host } from "../host";
import {
  DOCUMENTS,
  Navigation,
  button,
  eyebrow,
  heading,
  messageBar,
  spinner,
  verbatim,
} from "./common";

const EXAMPLES = ["Borrowing Base", "discount", "Good Reason", "letters of credit", "notice"];
const RESULT_LIMIT = 25;
const DEBOUNCE_MS = 200;

function termValue(
  term: Term,
  value: TermVersion["value"] = term.history[term.history.length - 1].value
): string {
  if (value === null) return "not stated in these documents";
  if (typeof value === "string") return value;
  if (term.unit === "usd") return formatMoney(new Decimal(value));
  if (term.unit === "rate") return `${new Decimal(value).times(100).toString()}%`;
  return `${value} ${term.unit === "ratio" || term.unit === "year" ? "" : term.unit}`.trim();
}

function termHistory(term: Term): string | undefined {
  if (term.history.length < 2) return undefined;
  return term.history
    .map(
      (v, i) =>
        `${v.from ? `from ${v.from}` : `before ${term.history[i + 1].from}`}: ${v.value === null ? "not recited" : termValue(term, v.value)}`
    )
    .join("; ");
}

export interface ClausesView {
  open(id: string): void;
}

export function mountClauses(host: Host, nav: Navigation): ClausesView {
  const field = byId<HTMLElement & { value?: string }>("clause-search");
  const results = byId("clause-results");
  const detail = byId("clause-detail");
  const listView = byId("clause-list-view");
  let timer: ReturnType<typeof setTimeout> | undefined;

  // Back to the list: focus goes to its heading, so a screen reader announces where it is.
  const showList = () => {
    detail.hidden = true;
    listView.hidden = false;
    byId("clause-list-heading").focus();
  };

  const search = () => {
    const query = (field.value ?? "").trim();
    if (!query) {
      replace(results);
      return;
    }
    const hits = searchClauses(query, RESULT_LIMIT);
    const words = [query, ...query.split(/\s+/)];
    replace(
      results,
      el(
        "p",
        { class: "muted results-count", attrs: { role: "status" } },
        hits.length
          ? `${hits.length}${hits.length === RESULT_LIMIT ? "+" : ""} clauses match “${query}”`
          : `No clause matches “${query}”.`
      ),
      hits.length
        ? el(
            "ul",
            { class: "result-list" },
            ...hits.map((hit) =>
              el(
                "li",
                {},
                el(
                  "button",
                  {
                    class: "result-item",
                    attrs: { type: "button" },
                    on: { click: () => open(hit.clause.id) },
                  },
                  el(
                    "span",
                    { class: "result-top" },
                    el("span", { class: "result-id" }, hit.clause.id),
                    el("span", { class: "result-title" }, hit.clause.title)
                  ),
                  el("span", { class: "result-snippet" }, highlighted(hit.snippet, words))
                )
              )
            )
          )
        : null
    );
  };

  const findInWorkbook = async (id: string, target: HTMLElement) => {
    replace(target, spinner("Searching the workbook…"));
    try {
      const found = await host.excel((context) => findCellsCiting(context, id));
      if (!found.length) {
        replace(
          target,
          messageBar("info", "No cells.", `No BTU formula in this workbook depends on ${id}.`)
        );
        return;
      }
      replace(
        target,
        el(
          "p",
          { class: "muted", attrs: { role: "status" } },
          `${found.length === 1 ? "1 cell depends" : `${found.length} cells depend`} on ${id}. Select one to go to it.`
        ),
        el(
          "ul",
          { class: "cell-list" },
          ...found.map(({ cell, functions }) =>
            el(
              "li",
              {},
              el(
                "button",
                {
                  class: "cell-item",
                  attrs: { type: "button" },
                  on: {
                    click: () =>
                      void host
                        .excel((context) => selectCell(context, cell.sheet, cell.address))
                        .catch((error) =>
                          replace(
                            target,
                            messageBar("error", "Could not select the cell.", String(error))
                          )
                        ),
                  },
                },
                el("span", { class: "cell-item-ref" }, `${cell.sheet}!${cell.address}`),
                el("span", { class: "cell-item-fns" }, functions.map((f) => `BTU.${f}`).join(", ")),
                el("code", { class: "cell-item-formula" }, cell.formula)
              )
            )
          )
        )
      );
    } catch (error) {
      replace(
        target,
        messageBar(
          "error",
          "Could not read the workbook.",
          error instanceof Error ? error.message : String(error)
        )
      );
    }
  };

  const open = (id: string) => {
    const clause = clauseById(id);
    if (!clause) return;
    const functions = functionsCiting(clause.id);
    const terms = termsCiting(clause.id);
    const found = el("div", { class: "find-results", attrs: { "aria-live": "polite" } });
    const parent = clause.parent ? clauseById(clause.parent) : undefined;
    const sections: Child[] = [
      button("← Back to results", showList, { appearance: "subtle", class: "back-button" }),
      eyebrow(DOCUMENTS[clause.document] ?? clause.document),
      el(
        "h2",
        { class: "clause-heading", attrs: { tabindex: "-1" } },
        el("span", { class: "clause-id" }, clause.id),
        el("span", { class: "clause-title" }, clause.title)
      ),
      parent
        ? el(
            "p",
            { class: "muted" },
            "Part of ",
            el(
              "button",
              {
                class: "inline-link",
                attrs: { type: "button" },
                on: { click: () => open(parent.id) },
              },
              `${parent.id} · ${parent.title}`
            )
          )
        : null,
      verbatim(clause.id),
      heading(3, "Functions that apply it"),
      functions.length
        ? el(
            "ul",
            { class: "chip-list" },
            ...functions.map(({ spec, cited }) =>
              el(
                "li",
                {},
                el(
                  "button",
                  {
                    class: "fn-chip",
                    attrs: { type: "button", title: `Cites ${cited.join(", ")}` },
                    on: { click: () => nav.openFunction(spec.name) },
                  },
                  `BTU.${spec.name}`
                )
              )
            )
          )
        : el("p", { class: "muted" }, "No function of the catalogue cites this clause."),
      heading(3, "Contract terms it sets"),
      terms.length
        ? el(
            "table",
            { class: "data-table terms" },
            el(
              "thead",
              {},
              el(
                "tr",
                {},
                el("th", { attrs: { scope: "col" } }, "Term"),
                el("th", { attrs: { scope: "col" } }, "Value")
              )
            ),
            el(
              "tbody",
              {},
              ...terms.map((term) =>
                el(
                  "tr",
                  {},
                  el(
                    "td",
                    {},
                    el("code", {}, breakable(term.id)),
                    el("div", { class: "muted" }, term.description)
                  ),
                  el(
                    "td",
                    {},
                    termValue(term),
                    termHistory(term) ? el("div", { class: "muted" }, termHistory(term)) : null
                  )
                )
              )
            )
          )
        : el("p", { class: "muted" }, "No figure of the terms data comes from this clause."),
      heading(3, "In this workbook"),
      el(
        "p",
        { class: "muted" },
        "Cells whose BTU formulas depend on this clause or a paragraph inside it."
      ),
      button("Find in workbook", () => void findInWorkbook(clause.id, found), {
        appearance: "outline",
      }),
      found,
    ];
    replace(detail, el("article", { class: "card clause-detail" }, ...sections));
    listView.hidden = true;
    detail.hidden = false;
    nav.showTab("clauses");
    detail.querySelector<HTMLElement>(".clause-heading")?.focus();
  };

  field.addEventListener("input", () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(search, DEBOUNCE_MS);
  });
  replace(
    byId("clause-examples"),
    ...EXAMPLES.map((example) =>
      el(
        "button",
        {
          class: "example-chip",
          attrs: { type: "button" },
          on: {
            click: () => {
              field.value = example;
              search();
            },
          },
        },
        example
      )
    )
  );
  return { open };
}

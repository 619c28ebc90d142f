/**
 * The "Functions" tab: the catalogue by group with the help Excel shows (both from the definitions),
 * a form that builds a formula, a live preview from the core, and "Insert into selected cell".
 */
import { CATALOGUE, GROUPS, RunContext, findFunction } from "../../catalogue";
import { BuiltFormula, buildFormula } from "../builder";
import { breakable, byId, el, replace } from "../dom";
import { explainFormula, formulaReferences } from "../explain";
import { Host } from "../host";
import { activeSheetName, insertFormula, rangeReader } from "../workbook";
import { callCard, resultFigure } from "./callCard";
import { Navigation, button, eyebrow, messageBar, spinner } from "./common";
import { humanLabel } from "../labels";
import { formField } from "./formField";

export interface FunctionsState {
  run(): RunContext;
}

export interface FunctionsView {
  open(name: string): void;
}

const PREVIEW_DEBOUNCE_MS = 250;

export function mountFunctions(host: Host, nav: Navigation, state: FunctionsState): FunctionsView {
  const listView = byId("fn-list-view");
  const detail = byId("fn-detail");
  const filter = byId<HTMLElement & { value?: string }>("fn-filter");
  const list = byId("fn-list");

  const renderList = () => {
    const wanted = (filter.value ?? "").trim().toLowerCase();
    const matches = CATALOGUE.filter(
      (spec) =>
        !wanted ||
        spec.name.toLowerCase().includes(wanted.replace(/^btu\./, "")) ||
        spec.summary.toLowerCase().includes(wanted)
    );
    replace(
      list,
      ...GROUPS.map((group) => {
        const specs = matches.filter((spec) => spec.group === group);
        if (!specs.length) return null;
        return el(
          "section",
          { class: "fn-group" },
          el("h3", {}, group),
          el(
            "ul",
            { class: "fn-list" },
            ...specs.map((spec) =>
              el(
                "li",
                {},
                el(
                  "button",
                  {
                    class: "fn-item",
                    attrs: { type: "button" },
                    on: { click: () => open(spec.name) },
                  },
                  el("span", { class: "fn-item-name" }, `BTU.${spec.name}`),
                  el("span", { class: "fn-item-desc" }, spec.summary)
                )
              )
            )
          )
        );
      }),
      matches.length ? null : el("p", { class: "muted" }, "No function matches.")
    );
  };

  const open = (name: string) => {
    const spec = findFunction(name);
    if (!spec) return;
    const inputs: Record<string, string> = {};
    const formulaView = el(
      "code",
      { class: "formula built-formula", attrs: { id: "fn-formula" } },
      ""
    );
    const preview = el("div", {
      class: "preview-result",
      attrs: { id: "fn-preview", "aria-live": "polite" },
    });
    const status = el("div", { class: "insert-status", attrs: { id: "fn-status" } });
    let built: BuiltFormula = { missing: [], errors: {} };
    let timer: ReturnType<typeof setTimeout> | undefined;
    let sequence = 0;

    const insert = button(
      "Insert into selected cell",
      () => {
        if (!built.formula) return;
        const formula = built.formula;
        replace(status, spinner("Inserting…"));
        host
          .excel((context) => insertFormula(context, formula))
          .then((cell) =>
            replace(
              status,
              messageBar(
                "success",
                "Inserted.",
                `${formula} is now in ${cell.sheet}!${cell.address}.`
              )
            )
          )
          .catch((error) =>
            replace(
              status,
              messageBar(
                "error",
                "Could not insert.",
                error instanceof Error ? error.message : String(error)
              )
            )
          );
      },
      { appearance: "primary", attrs: { id: "fn-insert", disabled: true, "aria-disabled": "true" } }
    );

    const refreshPreview = async () => {
      const mine = ++sequence;
      const formula = built.formula!;
      const run = state.run();
      try {
        const calls = formulaReferences(formula, "").length
          ? await host.excel(async (context) =>
              explainFormula(formula, await activeSheetName(context), rangeReader(context), run)
            )
          : await explainFormula(formula, "", async () => new Map(), run);
        if (mine !== sequence) return;
        const call = calls[0];
        const result = call?.evaluation?.result;
        const card = call ? callCard(call, { nav, calls, run }) : null;
        replace(
          preview,
          !result
            ? messageBar(
                "info",
                "No preview.",
                "A cell reference could not be read; the formula can still be inserted."
              )
            : result.ok
              ? el(
                  "div",
                  { class: "preview-figure" },
                  eyebrow("Result"),
                  resultFigure(result.value, call)
                )
              : messageBar("error", result.code, result.message),
          card
            ? el(
                "details",
                { class: "preview-details" },
                el("summary", {}, "Show the explanation"),
                card
              )
            : null
        );
      } catch (error) {
        if (mine === sequence)
          replace(
            preview,
            messageBar(
              "error",
              "No preview.",
              error instanceof Error ? error.message : String(error)
            )
          );
      }
    };

    const update = () => {
      built = buildFormula(spec, inputs);
      for (const field of fields) field.showError(built.errors[field.param.name] ?? "");
      replace(formulaView, built.formula ?? `=BTU.${spec.name}(…)`);
      // aria-disabled too: assistive tools (and axe) do not see a custom element's disabled state.
      insert.toggleAttribute("disabled", !built.formula);
      insert.setAttribute("aria-disabled", String(!built.formula));
      if (timer) clearTimeout(timer);
      if (!built.formula) {
        sequence++;
        const bad = Object.entries(built.errors).map(
          ([name, message]) => `${humanLabel(name)} (${name}): ${message}`
        );
        const waiting = bad.length
          ? `Correct ${bad.join(" ")}`
          : `Fill in ${built.missing.map((name) => `${humanLabel(name)} (${name})`).join(", ")} to see the result.`;
        replace(preview, el("p", { class: "muted" }, waiting));
        return;
      }
      timer = setTimeout(() => void refreshPreview(), PREVIEW_DEBOUNCE_MS);
    };

    const fields = spec.params.map((param) => {
      const made = formField(param, param.help, (value) => {
        inputs[param.name] = value;
        update();
      });
      inputs[param.name] = made.initial;
      return { param, ...made };
    });

    const signature = `BTU.${spec.name}(${spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
    replace(
      detail,
      el(
        "article",
        { class: "card fn-detail" },
        button("← All functions", showList, { appearance: "subtle", class: "back-button" }),
        eyebrow(spec.group),
        el("h2", { class: "fn-heading", attrs: { tabindex: "-1" } }, `BTU.${spec.name}`),
        el("p", { class: "call-description" }, spec.summary),
        el("code", { class: "signature" }, breakable(signature)),
        spec.clauses.length
          ? el(
              "p",
              { class: "muted" },
              "Applies ",
              ...spec.clauses.flatMap((id, i) => [
                i ? ", " : "",
                el(
                  "button",
                  {
                    class: "inline-link",
                    attrs: { type: "button" },
                    on: { click: () => nav.openClause(id) },
                  },
                  id
                ),
              ])
            )
          : null,
        el(
          "form",
          {
            class: "builder",
            attrs: { "aria-label": `Build a BTU.${spec.name} formula` },
            on: { submit: (event) => event.preventDefault() },
          },
          ...fields.map((field) => field.element)
        ),
        el("div", { class: "preview" }, eyebrow("Formula"), formulaView, preview),
        el("div", { class: "actions" }, insert),
        status
      )
    );
    update();
    listView.hidden = true;
    detail.hidden = false;
    nav.showTab("functions");
    detail.querySelector<HTMLElement>(".fn-heading")?.focus();
  };

  // Back to the list: focus goes to its heading, so a screen reader announces where it is.
  const showList = () => {
    detail.hidden = true;
    listView.hidden = false;
    byId("fn-list-heading").focus();
  };

  filter.addEventListener("input", renderList);
  renderList();
  return { open };
}

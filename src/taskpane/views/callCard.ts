/** One BTU call explained: inputs as Excel passes them, the core's steps, readings and errors. */
import { CallView } from "../explain";
import { ParamSpec, RunContext, SheetError, findFunction } from "../../catalogue";
import { chartFor } from "../charts";
import { chartFigure } from "./chart";
import type { CellValue, Explanation, Scalar } from "../../core";
import { Child, afterPaint, append, breakable, el } from "../dom";
import { dateDetail, displayText, formatArgument, formatScalar } from "../format";
import { Navigation, clauseToggle, eyebrow, heading, messageBar } from "./common";
import { humanLabel } from "../labels";

export interface CardOptions {
  nav: Navigation;
  /** Every call of the formula, to name the outer call of a nested one. */
  calls: readonly CallView[];
  /** The settings and date system the cell was explained with: its chart is computed with them. */
  run: RunContext;
}

/** The figure a result shows, with the long form of a date underneath. */
export function resultFigure(value: CellValue, call: CallView): HTMLElement {
  const kind = call.spec?.result ?? "number";
  if (Array.isArray(value))
    return el(
      "div",
      { class: "result-figure" },
      el(
        "span",
        { class: "result-detail" },
        `${value.length} rows × ${value[0]?.length ?? 0} columns spill from the cell`
      )
    );
  const detail = kind === "date" ? dateDetail(value, "date") : undefined;
  return el(
    "div",
    { class: "result-figure" },
    el("span", { class: "result-value" }, formatScalar(value, kind)),
    detail ? el("span", { class: "result-detail" }, detail) : null
  );
}

const SPILL_HEAD_ROWS = 6;

/** A spilled result: its first rows, a line for the rows between, and the last row. */
export function spillTable(rows: Scalar[][], name: string): HTMLElement {
  const columns =
    findFunction(name)?.spill?.columns ??
    rows[0]?.map((_, i) => ({ heading: `Column ${i + 1}`, kind: "number" as const })) ??
    [];
  const row = (cells: Scalar[]) =>
    el(
      "tr",
      {},
      ...cells.map((cell, j) => el("td", {}, formatScalar(cell, columns[j]?.kind ?? "number")))
    );
  const skipped = rows.length - SPILL_HEAD_ROWS - 1;
  const body =
    skipped > 0
      ? [
          ...rows.slice(0, SPILL_HEAD_ROWS).map(row),
          el(
            "tr",
            { class: "skipped" },
            el("td", { attrs: { colspan: String(columns.length) } }, `… ${skipped} more rows …`)
          ),
          row(rows[rows.length - 1]),
        ]
      : rows.map(row);
  return el(
    "table",
    { class: "data-table spill" },
    el(
      "thead",
      {},
      el("tr", {}, ...columns.map((c) => el("th", { attrs: { scope: "col" } }, c.heading)))
    ),
    el("tbody", {}, ...body)
  );
}

function paramLabel(param: ParamSpec | undefined, index: number): Child[] {
  if (!param) return [el("span", { class: "param-name" }, `argument ${index + 1}`)];
  return [
    el("span", { class: "param-label" }, humanLabel(param.name)),
    " ",
    el("code", { class: "param-name" }, breakable(param.name)),
    param.optional ? el("span", { class: "param-tag" }, "optional") : null,
  ];
}

function inputsList(call: CallView, calls: readonly CallView[]): HTMLElement {
  const count = Math.max(call.spec?.params.length ?? 0, call.args.length);
  const rows = Array.from({ length: count }, (_, i) => ({
    param: call.spec?.params[i],
    arg: call.args[i],
  }));
  return el(
    "dl",
    { class: "inputs" },
    ...rows.map(({ param, arg }, i) => {
      const kind = param?.kind ?? "number";
      const seen: Child[] = [];
      if (!arg || arg.source === "omitted")
        seen.push(
          el(
            "span",
            { class: "muted" },
            param?.optional ? "omitted: the default applies" : "omitted"
          )
        );
      else if (arg.value === undefined)
        seen.push(el("span", { class: "muted" }, "not evaluated in the pane"));
      else {
        seen.push(el("span", { class: "input-value" }, formatArgument(arg.value, kind)));
        const long = dateDetail(arg.value, kind);
        if (long) seen.push(el("span", { class: "input-detail" }, long));
      }
      let written: Child = arg
        ? el("code", { class: "as-written" }, arg.text || "—")
        : el("code", { class: "as-written" }, "—");
      if (arg?.source === "reference")
        written = el("code", { class: "as-written" }, arg.ref ?? arg.text);
      if (arg?.source === "call") {
        const inner = calls.find((c) => c.text === arg.text.trim());
        written = el("code", { class: "as-written" }, `BTU.${inner?.name ?? "…"}(…)`);
      }
      if (arg?.passedFrom)
        seen.push(el("span", { class: "input-detail" }, `from ${arg.passedFrom}`));
      return el(
        "div",
        { class: "input-row" },
        el("dt", {}, ...paramLabel(param, i)),
        el(
          "dd",
          {},
          arg && arg.source !== "omitted" ? written : null,
          el("div", { class: "input-seen" }, ...seen)
        )
      );
    })
  );
}

function stepsList(explanation: Explanation, nav: Navigation): HTMLElement {
  return el(
    "ol",
    { class: "steps" },
    ...explanation.steps.map((step) => {
      const { chip, panel } = clauseToggle(step.clause, nav);
      return el(
        "li",
        { class: "step" },
        el(
          "div",
          { class: "step-top" },
          el("span", { class: "step-label" }, displayText(step.label)),
          el("span", { class: "step-figure" }, displayText(step.figure))
        ),
        el("p", { class: "step-rule" }, displayText(step.rule)),
        el("div", { class: "step-clause" }, chip),
        panel
      );
    })
  );
}

function readings(explanation: Explanation, call: CallView, nav: Navigation): Child[] {
  if (!explanation.interpretation && !explanation.alternatives.length) return [];
  const result = call.evaluation?.result;
  const used = explanation.steps[explanation.steps.length - 1];
  const cards = explanation.alternatives.length
    ? el(
        "div",
        { class: "readings" },
        el(
          "div",
          { class: "reading used" },
          el("div", { class: "reading-tag" }, "Used in this cell"),
          el(
            "div",
            { class: "reading-figure" },
            result?.ok && !Array.isArray(result.value)
              ? formatScalar(result.value, call.spec?.result ?? "number")
              : (used?.figure ?? "")
          ),
          el("div", { class: "reading-label" }, displayText(used?.label ?? ""))
        ),
        ...explanation.alternatives.map((alt) => {
          const { chip, panel } = clauseToggle(alt.clause, nav);
          return el(
            "div",
            { class: alt.needs ? "reading uncomputed" : "reading" },
            el("div", { class: "reading-tag" }, "Other reading"),
            alt.needs
              ? el("div", { class: "reading-figure needs" }, `Needs ${alt.needs} to compute`)
              : el("div", { class: "reading-figure" }, alt.figure),
            alt.difference
              ? el("div", { class: "reading-difference" }, displayText(alt.difference))
              : null,
            el("div", { class: "reading-label" }, displayText(alt.label)),
            el("p", { class: "reading-rule" }, displayText(alt.rule)),
            chip,
            panel
          );
        })
      )
    : null;
  return [
    heading(3, "Reading of the text"),
    explanation.interpretation
      ? el("p", { class: "interpretation" }, displayText(explanation.interpretation))
      : null,
    cards,
  ];
}

/** For an error: the code, the core's message (which says what to change), and the clause. */
function failure(call: CallView, nav: Navigation): Child[] {
  const result = call.evaluation!.result;
  if (result.ok) return [];
  const outcome = call.evaluation?.outcome;
  const clause = outcome && !outcome.ok ? outcome.clause : undefined;
  const inputError = call.args.find((arg) => {
    const cells = Array.isArray(arg.value) ? arg.value.flat() : [arg.value];
    return cells.some((cell) => cell instanceof SheetError && cell.code === result.code);
  });
  const out: Child[] = [];
  if (!outcome && inputError) {
    out.push(
      messageBar(
        "error",
        result.code,
        `${inputError.ref ?? inputError.text} holds ${result.code}; an error in an input passes through unchanged, as in Excel.`
      )
    );
    out.push(
      heading(3, "What to change"),
      el("p", {}, `Correct ${inputError.ref ?? inputError.text}; this cell follows.`)
    );
    return out;
  }
  out.push(
    messageBar(
      "error",
      result.code,
      result.code === "#N/A"
        ? "The agreement gives no answer for these inputs."
        : "An input is not one the agreement allows."
    )
  );
  out.push(
    heading(3, "Why, and what to change"),
    el("p", { class: "error-message" }, displayText(result.message))
  );
  // Only a keyword the core could not read gets its list of choices; a bad date is not helped by them.
  const unreadKeyword = (param: ParamSpec, i: number): boolean => {
    const value = call.args[i]?.value;
    if (typeof value !== "string" || !value.trim() || !param.parse) return false;
    try {
      param.parse(value);
      return false;
    } catch {
      return true;
    }
  };
  const keywords =
    result.code === "#VALUE!"
      ? (call.spec?.params ?? []).filter((p, i) => p.kind === "keyword" && unreadKeyword(p, i))
      : [];
  for (const param of keywords) {
    const choices = param.choices ?? [];
    if (choices.length)
      out.push(
        el(
          "p",
          { class: "muted" },
          `${param.name} accepts: `,
          ...choices.flatMap((c, i) => [i ? ", " : "", el("code", {}, `"${c.value}"`)])
        )
      );
  }
  if (clause) {
    const { chip, panel } = clauseToggle(clause, nav);
    out.push(
      el("div", { class: "step-clause" }, el("span", { class: "muted" }, "Clause "), chip),
      panel
    );
  }
  return out;
}

export function callCard(call: CallView, options: CardOptions): HTMLElement {
  const { nav, calls } = options;
  const description = call.spec?.summary;
  const result = call.evaluation?.result;
  const outer = call.nestedIn !== undefined ? calls[call.nestedIn] : undefined;
  const explanation = call.evaluation?.outcome?.ok
    ? call.evaluation.outcome.explanation
    : undefined;
  const head = el(
    "header",
    { class: "call-head" },
    el(
      "div",
      { class: "call-title" },
      eyebrow(outer ? `Nested in BTU.${outer.name}` : "BTU function"),
      // Element Timing: the browser test reads when the first explanation was painted.
      el("h2", { class: "call-name", attrs: { elementtiming: "explanation" } }, `BTU.${call.name}`)
    ),
    result?.ok
      ? el("div", { class: "call-result" }, resultFigure(result.value, call))
      : result
        ? el("span", { class: "error-code" }, result.code)
        : null
  );
  const body: Child[] = [description ? el("p", { class: "call-description" }, description) : null];
  if (!call.spec)
    body.push(
      messageBar(
        "error",
        "#NAME?",
        `BTU.${call.name} is not a function of this add-in. Check the name in the Functions tab.`
      )
    );
  body.push(
    heading(3, call.recorded ? "Inputs as Excel passed them" : "Inputs as Excel passes them"),
    call.recorded
      ? el(
          "p",
          { class: "muted recorded-note" },
          "The values Excel passed when it last calculated this cell."
        )
      : null,
    inputsList(call, calls)
  );
  if (call.unreadable.length && !call.recorded) {
    body.push(
      messageBar(
        "info",
        "Waiting for Excel.",
        "Excel has not calculated ",
        ...call.unreadable.flatMap((text, i) => [i ? ", " : "", el("code", {}, text)]),
        " for this cell since the pane opened. Recalculate the workbook (F9) to see the values it passes."
      )
    );
  }
  if (result && !result.ok) body.push(...failure(call, nav));
  if (result?.ok && Array.isArray(result.value))
    body.push(heading(3, "Spilled result"), spillTable(result.value, call.name));
  if (explanation)
    body.push(
      heading(3, "How the figure is reached"),
      stepsList(explanation, nav),
      ...readings(explanation, call, nav)
    );
  // A chart of an amount over time evaluates the function at every point: it comes a frame later.
  const picture = el("section", { class: "call-chart" });
  body.push(picture);
  afterPaint(() => {
    const chart = chartFor(call, options.run);
    if (chart) append(picture, heading(3, "In a picture"), chartFigure(chart, nav.insertChart));
  });
  return el(
    "article",
    { class: "card call", attrs: { "aria-label": `BTU.${call.name}` } },
    head,
    ...body
  );
}

/** Building blocks shared by the four tabs: cards, message bars, buttons and the clause toggle. */
import { clauseById, fullText } from "../../core/clauses";
import type { ChartData } from "../charts";
import { Child, append, el } from "../dom";

export type Tab = "cell" | "clauses" | "functions" | "audit";

/** The tabs whose panels come in their own chunk (panels.ts), after the first explanation. */
export const LAZY_TABS: readonly Tab[] = ["clauses", "functions", "audit"];

/** What a view may ask of the others. */
export interface Navigation {
  showTab(tab: Tab): void;
  openClause(id: string): void;
  openFunction(name: string): void;
  /** Selects a cell in Excel; "This cell" then explains it. */
  openCell(sheet: string, address: string): void;
  /** Writes a chart's table and a native Excel chart beside the selected cell; resolves to where. */
  insertChart(data: ChartData): Promise<string>;
}

/** Fluent 3's button appearances; no appearance is the default (neutral) button. */
export type Appearance = "primary" | "outline" | "subtle" | "transparent";

export function button(
  label: Child,
  onClick: () => void,
  options: {
    appearance?: Appearance;
    attrs?: Record<string, string | boolean | undefined>;
    class?: string;
  } = {}
): HTMLElement {
  return el(
    "fluent-button",
    {
      class: options.class,
      attrs: { appearance: options.appearance, ...options.attrs },
      on: { click: () => onClick() },
    },
    label
  );
}

export type Intent = "info" | "success" | "warning" | "error";

/** A Fluent message bar: an icon, a bold lead and the text. */
export function messageBar(intent: Intent, lead: string, ...text: Child[]): HTMLElement {
  const icon = { info: "i", success: "✓", warning: "!", error: "×" }[intent];
  return el(
    "div",
    { class: `message-bar ${intent}`, attrs: { role: intent === "error" ? "alert" : "status" } },
    el("span", { class: "message-icon", attrs: { "aria-hidden": "true" } }, icon),
    el("div", { class: "message-body" }, el("strong", {}, lead), " ", ...text)
  );
}

export function heading(level: 2 | 3, text: string, className?: string): HTMLElement {
  return el(level === 2 ? "h2" : "h3", { class: className }, text);
}

export function eyebrow(text: string): HTMLElement {
  return el("div", { class: "eyebrow" }, text);
}

let toggleCount = 0;

/** The verbatim text of a clause, one paragraph per line of the library's full text. */
export function verbatim(id: string): HTMLElement {
  const text = fullText(id);
  if (text === undefined) return el("p", { class: "muted" }, `No clause ${id} in the agreements.`);
  return el(
    "blockquote",
    { class: "verbatim" },
    ...text.split("\n").map((line) => el("p", {}, line))
  );
}

/** Characters of clause text shown before "Show all": a few lines at taskpane width. */
const COLLAPSED_CHARS = 360;

/** Long text cut to a few lines, with a button that shows the rest (and hides it again). */
export function collapsible(content: HTMLElement): HTMLElement {
  if ((content.textContent ?? "").length <= COLLAPSED_CHARS) return content;
  const box = el("div", { class: "collapsible collapsed" }, content);
  const toggle = button(
    "Show all",
    () => {
      const collapsed = box.classList.toggle("collapsed");
      toggle.textContent = collapsed ? "Show all" : "Show less";
    },
    { appearance: "transparent", class: "link-button" }
  );
  return el("div", {}, box, toggle);
}

/**
 * A clause id as a button that shows the clause's verbatim text underneath on demand. The text is
 * built only when first opened (some clauses are long).
 */
export function clauseToggle(
  id: string,
  nav: Navigation
): { chip: HTMLElement; panel: HTMLElement } {
  const panelId = `clause-text-${++toggleCount}`;
  const clause = clauseById(id);
  const panel = el("div", { class: "clause-panel", attrs: { id: panelId, hidden: true } });
  const chip = el(
    "button",
    {
      class: "clause-chip",
      attrs: {
        type: "button",
        "aria-expanded": "false",
        "aria-controls": panelId,
        title: clause ? `${clause.id}: ${clause.title}` : id,
      },
      on: {
        click: () => {
          const open = chip.getAttribute("aria-expanded") !== "true";
          chip.setAttribute("aria-expanded", String(open));
          if (open && !panel.firstChild) {
            append(
              panel,
              el(
                "div",
                { class: "clause-panel-head" },
                el("strong", {}, clause?.id ?? id),
                clause ? ` · ${clause.title}` : ""
              ),
              collapsible(verbatim(id)),
              clause
                ? button("Open in Clauses", () => nav.openClause(clause.id), {
                    appearance: "transparent",
                    class: "link-button",
                  })
                : null
            );
          }
          panel.hidden = !open;
        },
      },
    },
    el("span", { class: "chip-icon", attrs: { "aria-hidden": "true" } }, "§"),
    id
  );
  return { chip, panel };
}

export function spinner(label: string): HTMLElement {
  return el(
    "div",
    { class: "loading", attrs: { role: "status" } },
    el("fluent-spinner", { attrs: { size: "small", "aria-label": label } }),
    el("span", {}, label)
  );
}

/** Long names of the five documents, for headings. */
export const DOCUMENTS: Record<string, string> = {
  SEP: "Separation agreement, 7 Feb 2003",
  FA: "First Amendment to Loan Agreement, 28 Jan 2004",
  ALLONGE: "Allonge to the Revolving Credit Note, 28 Jan 2004",
  SA: "Security Agreement, 28 Jan 2004",
  LMA: "Loan Modification Agreement, 28 Jan 2004",
};

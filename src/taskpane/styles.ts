/**
 * The pane's stylesheet, in Fluent's colours, type ramp, 4 px radii and spacing. It ships inside
 * the bundle and is adopted as a constructable stylesheet, as the Fluent components' own styles
 * are, so the Content-Security-Policy can stay `style-src 'self'` without 'unsafe-inline' and the
 * build needs no CSS loader.
 */
import { FONT_STACK } from "./fluent";

const CSS = `
:root {
  --brand: #0f6cbd;
  --brand-hover: #115ea3;
  --brand-dark: #0c3b5e;
  --brand-text: #115ea3;
  --brand-tint: #ebf3fc;
  --brand-tint-2: #cfe4fa;
  --fg-1: #242424;
  --fg-2: #424242;
  --fg-3: #616161;
  --bg-1: #ffffff;
  --bg-2: #fafafa;
  --bg-3: #f5f5f5;
  --bg-4: #f0f0f0;
  --stroke-1: #d1d1d1;
  --stroke-2: #e0e0e0;
  --stroke-3: #f0f0f0;
  --danger-bg: #fdf3f4;
  --danger-stroke: #eeacb2;
  --danger-fg: #b10e1c;
  --success-bg: #f1faf1;
  --success-stroke: #9fd89f;
  --success-fg: #0e700e;
  --warning-bg: #fff9f5;
  --warning-stroke: #fdcfb4;
  --warning-fg: #bc4b09;
  --radius-s: 2px;
  --radius-m: 4px;
  --radius-l: 6px;
  --radius-xl: 8px;
  --shadow-2: 0 0 2px rgba(0, 0, 0, 0.12), 0 1px 2px rgba(0, 0, 0, 0.14);
  --font: ${FONT_STACK};
  --mono: "Cascadia Mono", Consolas, "SF Mono", Menlo, "Liberation Mono", monospace;
  color-scheme: light;
}
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body {
  font-family: var(--font);
  font-size: 14px;
  line-height: 20px;
  color: var(--fg-1);
  background: var(--bg-3);
  -webkit-font-smoothing: antialiased;
}
h1, h2, h3, p { margin: 0; }
code { font-family: var(--mono); font-size: 12px; }
button { font-family: inherit; }
:focus-visible { outline: 2px solid var(--fg-1); outline-offset: 1px; }
[hidden] { display: none !important; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;
}
.muted { color: var(--fg-3); font-size: 12px; line-height: 16px; }

/* Masthead and tabs */
.masthead {
  display: flex; align-items: center; gap: 10px;
  padding: 12px 16px 10px; background: var(--bg-1);
}
.masthead img { width: 32px; height: 32px; border-radius: var(--radius-m); flex: none; }
.masthead h1 { font-size: 16px; line-height: 22px; font-weight: 600; }
.masthead p { font-size: 12px; line-height: 16px; color: var(--fg-3); }
fluent-tabs::part(tablist) {
  position: sticky; top: 0; z-index: 2; width: 100%; box-sizing: border-box; justify-content: start;
  background: var(--bg-1); border-bottom: 1px solid var(--stroke-2);
  padding: 0 8px;
}
fluent-tab { font-size: 14px; padding: 0 8px; }
fluent-tab-panel { display: block; padding: 0; }
.panel-body { padding: 12px 12px 24px; display: flex; flex-direction: column; gap: 12px; }

/* Cards and headings */
.card {
  background: var(--bg-1); border: 1px solid var(--stroke-2); border-radius: var(--radius-xl);
  box-shadow: var(--shadow-2); padding: 12px 14px 14px;
  display: flex; flex-direction: column; gap: 8px; min-width: 0;
}
.card h2 { font-size: 16px; line-height: 22px; font-weight: 600; }
.card h3 {
  font-size: 12px; line-height: 16px; font-weight: 600; color: var(--fg-2);
  margin-top: 8px; padding-top: 10px; border-top: 1px solid var(--stroke-3);
}
.card p { font-size: 13px; line-height: 18px; }
.eyebrow { font-size: 11px; line-height: 14px; font-weight: 600; letter-spacing: 0.02em; color: var(--fg-3); text-transform: uppercase; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 4px; }
.back-button { align-self: flex-start; margin: -4px 0 0 -8px; }
.link-button { align-self: flex-start; }
.inline-link {
  display: inline; text-align: left; border: 0; background: none; padding: 0; color: var(--brand-text); cursor: pointer;
  font-size: inherit; text-decoration: underline; text-underline-offset: 2px;
}
.inline-link:hover { color: var(--brand-dark); }

/* The selected cell */
.cell-head {
  background: var(--bg-1); border: 1px solid var(--stroke-2); border-radius: var(--radius-xl);
  padding: 10px 12px; display: flex; flex-direction: column; gap: 6px;
}
.cell-top { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; flex-wrap: wrap; }
.cell-address { display: flex; align-items: baseline; font-size: 12px; color: var(--fg-3); }
.cell-value { font-size: 12px; color: var(--fg-3); font-variant-numeric: tabular-nums; }
.cell-address .cell-ref { font-size: 14px; font-weight: 600; color: var(--fg-1); }
.cell-address .sheet-name::after { content: "!"; }
.formula {
  display: block; background: var(--bg-3); border-radius: var(--radius-m); padding: 6px 8px;
  color: var(--fg-1); word-break: break-all; white-space: pre-wrap;
}
.panel-body-inner { display: flex; flex-direction: column; gap: 12px; }
.calls-summary { padding: 0 4px; }

/* A call */
.call-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 8px; flex-wrap: wrap; }
.call-title { min-width: 0; }
.call-name { font-size: 15px; line-height: 20px; font-weight: 600; word-break: break-word; }
.call-result { text-align: right; margin-left: auto; }
.result-figure { display: flex; flex-direction: column; align-items: flex-end; }
.result-value { font-size: 20px; line-height: 26px; font-weight: 600; color: var(--brand-dark); font-variant-numeric: tabular-nums; }
.result-detail { font-size: 12px; line-height: 16px; color: var(--fg-3); }
.error-code {
  font-family: var(--mono); font-weight: 600; color: var(--danger-fg); background: var(--danger-bg);
  border: 1px solid var(--danger-stroke); border-radius: var(--radius-m); padding: 2px 8px;
}
.call-description { color: var(--fg-2); }
.error-message { color: var(--fg-1); }
.inputs { margin: 0; display: flex; flex-direction: column; }
.input-row { display: grid; grid-template-columns: minmax(92px, 36%) 1fr; gap: 8px; padding: 6px 0; border-top: 1px solid var(--stroke-3); }
.input-row:first-child { border-top: 0; padding-top: 0; }
.inputs dt { font-family: var(--mono); font-size: 12px; line-height: 18px; color: var(--fg-2); word-break: break-word; }
.inputs dd { margin: 0; display: flex; flex-direction: column; gap: 2px; min-width: 0; }
.as-written { color: var(--fg-3); word-break: break-all; }
.input-seen { display: flex; flex-direction: column; }
.input-value { font-weight: 600; font-size: 13px; font-variant-numeric: tabular-nums; word-break: break-word; }
.input-detail { font-size: 12px; line-height: 16px; color: var(--fg-3); }
.param-name { font-family: var(--mono); }
.param-tag {
  display: inline-block; margin-left: 6px; font-family: var(--font); font-size: 10px; line-height: 14px;
  color: var(--fg-3); border: 1px solid var(--stroke-2); border-radius: var(--radius-s); padding: 0 4px;
}

/* Steps */
.steps { list-style: none; margin: 0; padding: 0; counter-reset: step; display: flex; flex-direction: column; }
.step { counter-increment: step; position: relative; padding: 8px 0 8px 28px; border-top: 1px solid var(--stroke-3); }
.step:first-child { border-top: 0; padding-top: 2px; }
.step::before {
  content: counter(step); position: absolute; left: 0; top: 8px;
  width: 20px; height: 20px; border-radius: 50%; background: var(--brand-tint); color: var(--brand-text);
  font-size: 11px; line-height: 20px; font-weight: 600; text-align: center;
}
.step:first-child::before { top: 2px; }
.step-top { display: flex; justify-content: space-between; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.step-label { font-weight: 600; font-size: 13px; }
.step-figure { font-variant-numeric: tabular-nums; font-size: 13px; text-align: right; margin-left: auto; }
.step-rule { color: var(--fg-3); font-size: 12px !important; line-height: 17px !important; margin-top: 2px !important; }
.step-clause { margin-top: 4px; display: flex; align-items: center; gap: 4px; }
.clause-chip {
  display: inline-flex; align-items: center; gap: 4px; cursor: pointer;
  font-size: 12px; line-height: 18px; font-weight: 600; color: var(--brand-text);
  background: var(--brand-tint); border: 1px solid var(--brand-tint-2); border-radius: var(--radius-m);
  padding: 0 6px;
}
.clause-chip:hover { background: var(--brand-tint-2); }
.clause-chip[aria-expanded="true"] { background: var(--brand); border-color: var(--brand); color: #fff; }
.chip-icon { font-weight: 400; }
.clause-panel {
  margin-top: 6px; background: var(--bg-2); border: 1px solid var(--stroke-2); border-left: 3px solid var(--brand);
  border-radius: var(--radius-m); padding: 8px 10px; display: flex; flex-direction: column; gap: 6px;
}
.clause-panel-head { font-size: 12px; line-height: 16px; color: var(--fg-2); }
.verbatim { margin: 0; display: flex; flex-direction: column; gap: 6px; }
.verbatim p { font-size: 12.5px !important; line-height: 19px !important; color: var(--fg-1); }
.clause-detail .verbatim {
  background: var(--bg-2); border-left: 3px solid var(--brand); border-radius: var(--radius-m); padding: 10px 12px;
}
.clause-detail .verbatim p { font-size: 13px !important; line-height: 20px !important; }

/* Readings */
.interpretation { color: var(--fg-2); font-style: italic; }
.readings { display: grid; grid-template-columns: repeat(auto-fit, minmax(128px, 1fr)); gap: 8px; }
.reading {
  border: 1px solid var(--stroke-2); border-radius: var(--radius-l); padding: 8px 10px;
  display: flex; flex-direction: column; gap: 2px; align-items: flex-start; min-width: 0;
}
.reading.used { border-color: var(--brand); background: var(--brand-tint); }
.reading-tag { font-size: 11px; line-height: 14px; font-weight: 600; color: var(--fg-3); }
.reading.used .reading-tag { color: var(--brand-text); }
.reading-figure { font-size: 16px; line-height: 22px; font-weight: 600; font-variant-numeric: tabular-nums; word-break: break-word; }
.reading-label { font-size: 12px; line-height: 16px; color: var(--fg-2); }
.reading-rule { font-size: 12px !important; line-height: 16px !important; color: var(--fg-3); margin: 2px 0 4px !important; }

/* Message bars */
.message-bar {
  display: flex; gap: 8px; align-items: flex-start; border-radius: var(--radius-m); padding: 8px 12px;
  border: 1px solid var(--stroke-2); background: var(--bg-2); font-size: 13px; line-height: 18px;
}
.message-icon {
  flex: none; width: 16px; height: 16px; margin-top: 1px; border-radius: 50%; font-size: 11px; line-height: 16px;
  text-align: center; font-weight: 700; color: #fff; background: var(--fg-3);
}
.message-body { min-width: 0; word-break: break-word; }
.message-bar.error { background: var(--danger-bg); border-color: var(--danger-stroke); }
.message-bar.error .message-icon { background: var(--danger-fg); }
.message-bar.success { background: var(--success-bg); border-color: var(--success-stroke); }
.message-bar.success .message-icon { background: var(--success-fg); }
.message-bar.warning { background: var(--warning-bg); border-color: var(--warning-stroke); }
.message-bar.warning .message-icon { background: var(--warning-fg); }
.message-bar.info .message-icon { background: var(--brand); }

/* Empty and loading states */
.empty-state {
  background: var(--bg-1); border: 1px solid var(--stroke-2); border-radius: var(--radius-xl);
  padding: 28px 20px; display: flex; flex-direction: column; align-items: center; gap: 8px; text-align: center;
}
.empty-state h2 { font-size: 16px; line-height: 22px; font-weight: 600; }
.empty-state p { font-size: 13px; line-height: 18px; max-width: 320px; }
.empty-icon {
  width: 44px; height: 44px; border-radius: 50%; background: var(--brand-tint); color: var(--brand-text);
  font-size: 18px; line-height: 44px; font-weight: 600; font-style: italic; margin-bottom: 4px;
}
.cell-text { font-family: var(--mono); font-size: 12px; background: var(--bg-3); padding: 0 4px; border-radius: var(--radius-s); word-break: break-all; }
.loading { display: flex; align-items: center; gap: 8px; color: var(--fg-3); font-size: 13px; padding: 8px 0; }
.loading fluent-progress-ring { width: 20px; height: 20px; }

/* Search and lists */
fluent-text-field, fluent-select { width: 100%; min-width: 0; }
.search-row { display: flex; flex-direction: column; gap: 6px; }
.field-caption { font-size: 13px; font-weight: 600; color: var(--fg-1); }
.examples { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.example-list { display: contents; }
.example-chip {
  border: 1px solid var(--stroke-1); background: var(--bg-1); color: var(--fg-2); border-radius: 12px;
  font-size: 12px; line-height: 16px; padding: 2px 10px; cursor: pointer;
}
.example-chip:hover { background: var(--bg-4); }
.results-count { padding: 0 2px 6px; }
.result-list, .fn-list, .cell-list, .chip-list, .holiday-list { list-style: none; margin: 0; padding: 0; }
.result-list, .fn-list, .cell-list { display: flex; flex-direction: column; gap: 6px; }
.result-item, .fn-item, .cell-item {
  width: 100%; text-align: left; cursor: pointer; color: var(--fg-1);
  background: var(--bg-1); border: 1px solid var(--stroke-2); border-radius: var(--radius-l);
  padding: 8px 10px; display: flex; flex-direction: column; gap: 2px; font-size: 13px; line-height: 18px;
}
.result-item:hover, .fn-item:hover, .cell-item:hover { border-color: var(--stroke-1); background: var(--bg-2); }
.result-top { display: flex; gap: 8px; align-items: baseline; min-width: 0; }
.result-id { font-weight: 600; color: var(--brand-text); flex: none; }
.result-title { color: var(--fg-2); font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }
.result-snippet { color: var(--fg-3); font-size: 12px; line-height: 17px; }
mark { background: #fff1b8; color: var(--fg-1); border-radius: 2px; padding: 0 1px; }
.clause-heading { display: flex; flex-direction: column; outline: none; }
.clause-id { font-size: 20px; line-height: 26px; }
.clause-title { font-size: 13px; line-height: 18px; font-weight: 400; color: var(--fg-2); }
.chip-list { display: flex; flex-wrap: wrap; gap: 6px; }
.fn-chip {
  font-family: var(--mono); font-size: 12px; line-height: 18px; color: var(--brand-text); cursor: pointer;
  background: var(--bg-1); border: 1px solid var(--brand-tint-2); border-radius: var(--radius-m); padding: 1px 8px;
}
.fn-chip:hover { background: var(--brand-tint); }
.data-table { width: 100%; border-collapse: collapse; font-size: 12px; line-height: 16px; }
.data-table th { text-align: left; font-weight: 600; color: var(--fg-2); border-bottom: 1px solid var(--stroke-2); padding: 4px 6px 4px 0; }
.data-table td { border-bottom: 1px solid var(--stroke-3); padding: 5px 6px 5px 0; vertical-align: top; font-variant-numeric: tabular-nums; word-break: break-word; }
.data-table code { font-size: 11.5px; }
.data-table .skipped td { color: var(--fg-3); text-align: center; font-style: italic; }
.cell-item-ref { font-weight: 600; }
.cell-item-fns { font-size: 12px; color: var(--brand-text); }
.cell-item-formula { color: var(--fg-3); word-break: break-all; }
.find-results { display: flex; flex-direction: column; gap: 6px; }

/* Functions */
.fn-group { display: flex; flex-direction: column; gap: 6px; }
.fn-group h3 { font-size: 12px; line-height: 16px; font-weight: 600; color: var(--fg-2); padding: 4px 2px 0; }
.fn-item-name { font-family: var(--mono); font-size: 12.5px; font-weight: 600; color: var(--fg-1); word-break: break-all; }
.fn-item-desc {
  font-size: 12px; line-height: 16px; color: var(--fg-3);
  display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden;
}
.fn-heading { font-family: var(--mono); font-size: 15px !important; word-break: break-all; outline: none; }
.signature { display: block; background: var(--bg-3); border-radius: var(--radius-m); padding: 6px 8px; word-break: break-word; color: var(--fg-2); }
.builder { display: flex; flex-direction: column; gap: 12px; margin-top: 4px; padding-top: 12px; border-top: 1px solid var(--stroke-3); }
.field { display: flex; flex-direction: column; gap: 4px; }
.field-label { font-family: var(--mono); font-size: 12.5px; font-weight: 600; color: var(--fg-1); }
.field-help { font-size: 12px !important; line-height: 16px !important; color: var(--fg-3); }
.field-echo { font-size: 12px; line-height: 16px; color: var(--fg-2); }
.field-echo:empty { display: none; }
.field-error { font-size: 12px; line-height: 16px; color: var(--danger-fg); }
.field-error:empty { display: none; }
.native-input {
  font-family: inherit; font-size: 14px; color: var(--fg-1); height: 32px; width: 100%;
  padding: 0 8px; background: var(--bg-1);
  border: 1px solid var(--stroke-1); border-bottom-color: #616161; border-radius: var(--radius-m);
}
.native-input:hover { border-color: #c7c7c7; border-bottom-color: #575757; }
.native-input:focus-visible { outline: 2px solid var(--brand); outline-offset: -1px; }
.preview { background: var(--bg-2); border: 1px solid var(--stroke-2); border-radius: var(--radius-l); padding: 10px; display: flex; flex-direction: column; gap: 6px; }
.built-formula { background: var(--bg-1); border: 1px solid var(--stroke-2); }
.preview-result { display: flex; flex-direction: column; gap: 6px; }
.preview-figure { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; }
.preview-details summary { cursor: pointer; font-size: 13px; color: var(--brand-text); padding: 2px 0; }
.preview-details[open] summary { margin-bottom: 8px; }
.preview-details .card { box-shadow: none; }
.insert-status:empty { display: none; }

/* Audit and settings */
.holiday-list { display: flex; flex-direction: column; gap: 2px; }
.holiday { display: flex; align-items: center; gap: 8px; font-size: 13px; }
.holiday-date { font-variant-numeric: tabular-nums; font-weight: 600; }
.holiday-long { flex: 1; }
.inline-form { display: flex; gap: 8px; align-items: center; }
.inline-form .native-input { flex: 1; }
fluent-checkbox { font-size: 13px; }
.status-area:empty { display: none; }
`;

export function adoptStyles(doc: Document = document): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

/**
 * A chart of "This cell" as SVG built through the DOM (no library, nothing inline the pane's CSP
 * would refuse): lines, a staircase or bars, coloured by the theme's own variables, with the chart
 * in words as its accessible name and its data in a table underneath.
 */
import { ChartData } from "../charts";
import { Child, el } from "../dom";
import { displayText, shortDate } from "../format";
import { button } from "./common";

const NS = "http://www.w3.org/2000/svg";
const WIDTH = 320;
const HEIGHT = 180;
const PAD = { left: 56, right: 8, top: 10, bottom: 26 };

function svg(
  tag: string,
  attrs: Record<string, string | number>,
  ...children: (Node | string)[]
): SVGElement {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  for (const child of children)
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  return element;
}

/** "$1.2m", "$450k": axis labels short enough for a taskpane. */
function shortMoney(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? "-" : "";
  if (abs >= 1e6) return `${sign}$${(abs / 1e6).toFixed(abs >= 1e7 ? 0 : 1)}m`;
  if (abs >= 1e3) return `${sign}$${Math.round(abs / 1e3)}k`;
  return `${sign}$${Math.round(abs)}`;
}

/** The y range: bars stand on zero; lines and steps fit their values, so that small steps show. */
function extent(values: number[], fromZero: boolean): [number, number] {
  const low = Math.min(...(fromZero ? [0] : []), ...values);
  const high = Math.max(...(fromZero ? [0] : []), ...values);
  if (high === low) return [low - 1, high + 1];
  const pad = fromZero ? 0 : (high - low) * 0.1;
  // Amounts that are never negative keep their axis at zero or above.
  return [low >= 0 ? Math.max(0, low - pad) : low - pad, high + pad];
}

function plot(data: ChartData): SVGElement {
  const ys = [
    ...data.series.flatMap((s) =>
      s.points.map(([, y]) => y).filter((y): y is number => y !== null)
    ),
    ...(data.level ? [data.level.value] : []),
  ];
  const [yLow, yHigh] = extent(ys, data.kind === "bars");
  const xs = data.series.flatMap((s) => s.points.map(([x]) => x));
  const [xLow, xHigh] =
    data.x === "date"
      ? [Math.min(...xs), Math.max(...xs)]
      : [-0.5, xs.length ? Math.max(...xs) + 0.5 : 0.5];
  const sx = (x: number) =>
    PAD.left + ((x - xLow) / (xHigh - xLow || 1)) * (WIDTH - PAD.left - PAD.right);
  const sy = (y: number) =>
    PAD.top + (1 - (y - yLow) / (yHigh - yLow)) * (HEIGHT - PAD.top - PAD.bottom);
  const parts: SVGElement[] = [];
  for (const tick of [yLow, (yLow + yHigh) / 2, yHigh])
    parts.push(
      svg("line", {
        x1: PAD.left,
        x2: WIDTH - PAD.right,
        y1: sy(tick),
        y2: sy(tick),
        class: "chart-grid",
      }),
      svg(
        "text",
        { x: PAD.left - 4, y: sy(tick) + 4, class: "chart-axis", "text-anchor": "end" },
        shortMoney(tick)
      )
    );
  if (data.kind === "bars") {
    const width = ((WIDTH - PAD.left - PAD.right) / Math.max(1, xs.length)) * 0.6;
    data.series[0].points.forEach(([x, y], i) => {
      if (y === null) return;
      parts.push(
        svg("rect", {
          x: sx(x) - width / 2,
          y: Math.min(sy(y), sy(0)),
          width,
          height: Math.max(1, Math.abs(sy(y) - sy(0))),
          class: y < 0 ? "chart-bar negative" : "chart-bar",
        }),
        svg(
          "text",
          { x: sx(x), y: HEIGHT - 8, class: "chart-axis", "text-anchor": "middle" },
          String(i + 1)
        )
      );
    });
  } else {
    data.series.forEach((series, k) => {
      let path = "";
      let drawing = false;
      series.points.forEach(([x, y], i) => {
        if (y === null) {
          drawing = false;
          return;
        }
        if (data.kind === "steps" && drawing) path += ` H${sx(x)}`;
        path += `${drawing ? " L" : " M"}${sx(x)},${sy(y)}`;
        drawing = true;
        if (data.kind === "steps" && i === series.points.length - 1)
          path += ` H${WIDTH - PAD.right}`;
      });
      parts.push(svg("path", { d: path.trim(), class: `chart-line series-${k}` }));
    });
    if (data.level)
      parts.push(
        svg("line", {
          x1: PAD.left,
          x2: WIDTH - PAD.right,
          y1: sy(data.level.value),
          y2: sy(data.level.value),
          class: "chart-level",
        })
      );
    if (data.marker)
      parts.push(
        svg("circle", {
          cx: sx(data.marker[0]),
          cy: sy(data.marker[1]),
          r: 4,
          class: "chart-marker",
        })
      );
    if (data.x === "date")
      parts.push(
        svg("text", { x: PAD.left, y: HEIGHT - 8, class: "chart-axis" }, shortDate(xLow)),
        svg(
          "text",
          { x: WIDTH - PAD.right, y: HEIGHT - 8, class: "chart-axis", "text-anchor": "end" },
          shortDate(xHigh)
        )
      );
    else
      (data.labels ?? []).forEach((label, i) =>
        parts.push(
          svg(
            "text",
            { x: sx(i), y: HEIGHT - 8, class: "chart-axis", "text-anchor": "middle" },
            label
          )
        )
      );
  }
  return svg(
    "svg",
    {
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: "img",
      "aria-label": `${data.title}: ${displayText(data.summary)}`,
      class: "chart-svg",
    },
    ...parts
  );
}

function legend(data: ChartData): HTMLElement {
  const items: Child[] =
    data.kind === "bars"
      ? (data.labels ?? []).map((label, i) => el("li", {}, `${i + 1}. ${label}`))
      : [
          ...data.series.map((s, k) => el("li", { class: `legend-item series-${k}` }, s.name)),
          data.level ? el("li", { class: "legend-item level" }, data.level.name) : null,
          data.marker ? el("li", { class: "legend-item marker" }, "this cell") : null,
        ];
  return el("ul", { class: "chart-legend" }, ...items);
}

/** The chart, its legend, "Insert as Excel chart", and its data in words. */
export function chartFigure(
  data: ChartData,
  insert: (data: ChartData) => Promise<string>
): HTMLElement {
  const status = el("p", { class: "muted chart-status", attrs: { role: "status" } });
  return el(
    "figure",
    { class: "chart" },
    plot(data),
    legend(data),
    el("figcaption", { class: "muted" }, displayText(data.summary)),
    button(
      "Insert as Excel chart",
      () => {
        status.textContent = "Writing the chart…";
        insert(data).then(
          (where) => (status.textContent = `Chart and its data written at ${where}.`),
          (error: unknown) =>
            (status.textContent = `Could not write the chart: ${error instanceof Error ? error.message : String(error)}`)
        );
      },
      { appearance: "outline", class: "chart-insert" }
    ),
    status
  );
}

/**
 * The pictures of "This cell", as data (Office-free, DOM-free): what a BTU call's figure looks like
 * against the inputs it moves with. Each is computed by the same catalogue and core as the cell:
 *  - a money result over its first date: the amount across every date the agreement allows, one
 *    series per discount reading, the cell's own date marked;
 *  - the TNW minimum's staircase by fiscal year end, against the actual tangible net worth;
 *  - the borrowing base and the line as bars: advances, deductions, base, line, loans.
 */
import {
  NUMBER_FORMATS,
  RawArgument,
  RunContext,
  evaluate,
  findFunction,
  workbookDate1904,
} from "../catalogue";
import {
  DATE_1904_OFFSET,
  Decimal,
  borrowingBaseCertificate,
  formatMoney,
  serialToIso,
  termNumber,
  tnwLedger,
} from "../core";
import type { CallView } from "./explain";

export interface ChartSeries {
  name: string;
  /** [x, y]; y null where the agreement gives no figure (outside the window). */
  points: [number, number | null][];
}

export interface ChartData {
  kind: "line" | "steps" | "bars";
  title: string;
  /** What x is: dates (core serials) or the bars' labels. */
  x: "date" | "label";
  labels?: string[];
  series: ChartSeries[];
  /** The cell's own point. */
  marker?: [number, number];
  /** A level drawn across the chart (the actual tangible net worth). */
  level?: { name: string; value: number };
  /** The chart in words, for a reader who cannot see it. */
  summary: string;
}

/** Days between the points of an amount-over-time chart: about two a month. */
const STEP_DAYS = 14;

const firstScalar = (value: RawArgument | undefined): unknown =>
  Array.isArray(value) ? value[0]?.[0] : value;

function numberOf(value: RawArgument | undefined): number | undefined {
  const scalar = firstScalar(value);
  return typeof scalar === "number" ? scalar : undefined;
}

function column(value: RawArgument | undefined): (number | null)[] {
  const cells = Array.isArray(value) ? value.flat() : [value];
  return cells.map((cell) => (typeof cell === "number" ? cell : null));
}

const money = (value: number) => formatMoney(new Decimal(value));

function amountOverTime(call: CallView, run: RunContext): ChartData | undefined {
  const spec = call.spec!;
  const own = numberOf(call.args[0]?.value);
  if (own === undefined) return undefined;
  const shift = run.date1904 ? DATE_1904_OFFSET : 0;
  const args = call.args.map((arg) => arg.value);
  const method = spec.params.findIndex((p) => p.enumName === "DiscountMethod");
  const readings = method >= 0 ? (spec.params[method].choices ?? []).map((c) => c.value) : [""];
  const from = termNumber("sep.agreement_date");
  const to = termNumber("sep.fee_end");
  const context: RunContext = { ...run, date1904: false };
  const series = readings.map((reading): ChartSeries => {
    const points: [number, number | null][] = [];
    for (let day = from; day <= to + STEP_DAYS - 1; day += STEP_DAYS) {
      const date = Math.min(day, to);
      const tried = [...args];
      tried[0] = date;
      if (reading) tried[method] = reading;
      const result = evaluate(spec.name, tried, context).result;
      points.push([date, result.ok && typeof result.value === "number" ? result.value : null]);
    }
    return { name: reading ? `${reading} reading` : spec.name, points };
  });
  // Only the dates the agreement gives a figure for: the window of this way of ending.
  const given = (i: number) => series.some((s) => s.points[i][1] !== null);
  const count = series[0].points.length;
  let first = 0;
  while (first < count - 1 && !given(first)) first++;
  let last = count - 1;
  while (last > first && !given(last)) last--;
  for (const s of series) s.points = s.points.slice(first, last + 1);
  const shown = series[0].points;
  const value = call.evaluation?.result;
  const marker: [number, number] | undefined =
    value?.ok && typeof value.value === "number" ? [own + shift, value.value] : undefined;
  return {
    kind: "line",
    title: `BTU.${spec.name} by ${spec.params[0].name.replace(/_/g, " ")}`,
    x: "date",
    series,
    marker,
    summary: `${series.map((s) => s.name).join(" and ")} from ${serialToIso(shown[0][0])} to ${serialToIso(shown[shown.length - 1][0])}, every ${STEP_DAYS} days where the agreement gives a figure${marker ? `; this cell: ${money(marker[1])} on ${serialToIso(marker[0])}` : ""}.`,
  };
}

function tnwStaircase(call: CallView, names: string[]): ChartData | undefined {
  const at = (name: string) => names.indexOf(name);
  const years = column(call.args[at("fiscal_years")]?.value);
  const incomes = column(call.args[at("net_incomes")]?.value);
  const method = firstScalar(call.args[at("method")]?.value);
  const ledger = tnwLedger(
    years,
    incomes,
    typeof method === "string" && method ? (method as never) : undefined
  );
  if (!ledger.ok || !ledger.value.length) return undefined;
  const labels = ledger.value.map(([year]) => `FY${year}`);
  const actual = numberOf(call.args[at("tangible_net_worth")]?.value);
  return {
    kind: "steps",
    title: "Minimum tangible net worth after each fiscal year end",
    x: "label",
    labels,
    series: [{ name: "Minimum", points: ledger.value.map(([, , , minimum], i) => [i, minimum]) }],
    level: actual === undefined ? undefined : { name: "Tangible net worth", value: actual },
    summary: `${ledger.value.map(([year, , , minimum]) => `FY${year} ${money(minimum)}`).join(", ")}${actual === undefined ? "" : `; actual ${money(actual)}`}.`,
  };
}

function borrowingBaseBars(call: CallView): ChartData | undefined {
  const v = (i: number) => call.args[i]?.value;
  const sum = (value: RawArgument | undefined) =>
    column(value).reduce<number>((total, cell) => total + (cell ?? 0), 0);
  const certificate =
    call.name === "BORROWING_BASE_CERTIFICATE"
      ? borrowingBaseCertificate(
          sum(v(0)),
          sum(v(1)),
          sum(v(2)),
          sum(v(3)),
          sum(v(4)),
          v(5) === undefined ? undefined : sum(v(5)),
          v(6) === undefined ? undefined : sum(v(6))
        )
      : borrowingBaseCertificate(sum(v(0)), sum(v(1)), 0, sum(v(2)), sum(v(3)));
  if (!certificate.ok) return undefined;
  // Lines 2, 4, 5, 6, 7, 8 and (for the certificate) 10: advances, deductions, base, line, loans.
  const picked =
    call.name === "BORROWING_BASE_CERTIFICATE" ? [1, 3, 4, 5, 6, 7, 9] : [1, 3, 4, 5, 6];
  const rows = picked.map((i) => certificate.value[i]);
  return {
    kind: "bars",
    title: "Borrowing Base, line and loans",
    x: "label",
    labels: rows.map((row) => String(row[0]).replace(/ \(.*\)$/, "")),
    series: [{ name: "Amount", points: rows.map((row, i) => [i, Number(row[1])]) }],
    summary: rows.map((row) => `${String(row[0])}: ${money(Number(row[1]))}`).join("; ") + ".",
  };
}

/** The picture for a call, when its function has one and its inputs are known. */
export function chartFor(call: CallView, run: RunContext): ChartData | undefined {
  const spec = call.spec ?? findFunction(call.name);
  if (!spec || !call.evaluation?.result.ok) return undefined;
  const names = spec.params.map((p) => p.name);
  if (names.includes("fiscal_years") && names.includes("net_incomes"))
    return tnwStaircase(call, names);
  if (call.name === "BORROWING_BASE" || call.name === "BORROWING_BASE_CERTIFICATE")
    return borrowingBaseBars(call);
  if (spec.result === "money" && spec.params[0]?.kind === "date") return amountOverTime(call, run);
  return undefined;
}

/** The chart as the small table a native Excel chart is drawn from. */
export function chartTable(data: ChartData): import("./workbook").ChartTable {
  const moneyFormat = NUMBER_FORMATS.money!;
  if (data.kind === "bars")
    return {
      title: data.title,
      chartType: "ColumnClustered",
      headings: ["Line", "Amount"],
      rows: data.series[0].points.map(([x, y]) => [data.labels?.[x] ?? String(x), y ?? ""]),
      formats: ["General", moneyFormat],
    };
  const xs = data.series[0]?.points.map(([x]) => x) ?? [];
  return {
    title: data.title,
    chartType: "Line",
    headings: [
      data.x === "date" ? "Date" : "Fiscal year",
      ...data.series.map((s) => s.name),
      ...(data.level ? [data.level.name] : []),
    ],
    rows: xs.map((x, i) => [
      // The sheet counts dates in its own system.
      data.x === "date"
        ? x - (workbookDate1904() ? DATE_1904_OFFSET : 0)
        : (data.labels?.[i] ?? String(x)),
      ...data.series.map((s) => s.points[i]?.[1] ?? ""),
      ...(data.level ? [data.level.value] : []),
    ]),
    formats: [
      data.x === "date" ? NUMBER_FORMATS.date! : "General",
      ...data.series.map(() => moneyFormat),
      ...(data.level ? [moneyFormat] : []),
    ],
  };
}

/**
 * Native Excel formulas that re-perform a BTU call, so an auditor without the add-in can check each
 * figure with Excel's own arithmetic. Every contract figure in them is read from the terms data; the
 * arguments stay the original formula's (references qualified with their sheet).
 */
import { BtuCall, ResultKind, WorkbookSettings, findBtuCalls, findFunction } from "../catalogue";
import {
  CellValue,
  DEFAULT_WATCH_SHARE,
  Scalar,
  ContractError,
  DATE_1904_OFFSET,
  SEP4,
  contractYears,
  eventRule,
  federalHolidaysIn,
  feeEnd,
  feeStart,
  fromSerial,
  payDates,
  termNumber,
  termVersion,
} from "../core";
import type {
  AgreementEvent,
  DiscountMethod,
  Part,
  Serial,
  Stream,
  TerminationType,
  TnwMethod,
} from "../core";
import { argumentValue } from "./references";
// This module's own helpers, handed to each definition's builder (see NativeBuilder).
import * as nativeFormulas from "./native";

export interface NativeOptions {
  /** The value an argument text stands for (a literal, or a referenced cell's value), or UNKNOWN; literals only when absent. */
  lookupValue?: (text: string) => unknown;
  /** Workbook settings: the default discount method. */
  settings?: WorkbookSettings;
  /** Dates in the 1904 system: a known date argument is shifted to the core's serials to pick a term's version. */
  date1904?: boolean;
  /** The cell's value as computed (a spill's rows pick which rows the parts re-perform). */
  cellValue?: CellValue;
}

/**
 * A row of the Audit sheet below a BTU cell's own: one cell of a spill re-performed (value and native
 * formula, checked), or a helper the native formula reads (a holiday of the calendar). A native
 * formula refers to the parts of its row as `{#k}` (part k's native cell) or `{#a:#b}` (a range).
 */
export interface NativePart {
  label: string;
  native: string;
  /** The BTU value this part re-performs; absent for a helper. */
  value?: Scalar;
  kind?: ResultKind;
  /** For a spill cell: its row and column within the spill. */
  offset?: [number, number];
}

export interface NativeResult {
  /** The native formula, with its leading "=". */
  formula?: string;
  /** Rows re-performing the cells of a spill, or helpers the formula reads. */
  parts?: NativePart[];
  /** Why there is none, or what the formula assumes (a keyword read from a cell). */
  note?: string;
}

class NotNative extends Error {}

export function notNative(reason: string): never {
  throw new NotNative(reason);
}

/** Whether an expression can stand next to an operator without parentheses. */
function isAtomic(text: string): boolean {
  if (/^(?:[A-Za-z0-9_.$:!]+|'(?:[^']|'')+'![A-Za-z0-9$:]+|"(?:[^"]|"")*"|\{[^{}]*\})$/.test(text))
    return true;
  const call = /^[A-Za-z][A-Za-z0-9_.]*\(/.exec(text);
  if (!call || !text.endsWith(")")) return false;
  let depth = 0;
  for (let i = call[0].length - 1; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return i === text.length - 1;
  }
  return false;
}

/** Argument access for one call: its texts (qualified), their known values, and the notes they need. */
export class Args {
  readonly notes: string[] = [];

  constructor(
    private readonly call: BtuCall,
    private readonly resolve: (text: string) => string,
    private readonly options: NativeOptions,
    /** The parts of the whole cell: placeholders number them across every call in the formula. */
    private readonly parts: NativePart[]
  ) {}

  private text(i: number): string | undefined {
    const raw = this.call.args[i]?.trim();
    return raw ? raw : undefined;
  }

  has(i: number): boolean {
    return this.text(i) !== undefined;
  }

  /** The argument as a native expression; nested BTU calls become their own native formulas. */
  expr(i: number): string {
    const raw = this.text(i);
    if (raw === undefined) notNative(`argument ${i + 1} is required`);
    const body = nativeExpression(raw, this.resolve, this.options, this.notes, this.parts);
    return isAtomic(body) ? body : `(${body})`;
  }

  /** An amount or range of amounts, summed as the catalogue sums it (blanks count as 0). */
  sum(i: number): string {
    return `SUM(${this.expr(i)})`;
  }

  /** A date argument: whole days, as the core ignores a time of day. */
  date(i: number): string {
    const value = this.value(i);
    return typeof value === "number" && Number.isInteger(value)
      ? this.expr(i)
      : `INT(${this.expr(i)})`;
  }

  value(i: number): unknown {
    const raw = this.text(i);
    if (raw === undefined) return undefined;
    return this.options.lookupValue
      ? this.options.lookupValue(raw)
      : argumentValue(raw, () => undefined, this.options.date1904);
  }

  /**
   * A keyword the formula's shape depends on: it must be a literal or a cell whose value is known. It
   * is read by its parameter's own reader; blank takes `fallback` (a workbook setting), else the default.
   */
  keyword<K extends string>(i: number, fallback?: string): K {
    const param = findFunction(this.call.name)!.params[i];
    const raw = this.text(i);
    if (raw === undefined) {
      const chosen = fallback ?? param.default;
      if (chosen === undefined) notNative(`argument ${i + 1} (${param.name}) is required`);
      return param.parse!(chosen) as K;
    }
    const value = this.value(i);
    if (typeof value !== "string")
      notNative(
        `argument ${i + 1} (${raw}) is not a known keyword, and the native formula's shape depends on it`
      );
    if (!/^"/.test(raw))
      this.notes.push(`${raw} holds "${value}": the native formula re-performs that choice only.`);
    return param.parse!(value) as K;
  }

  /** Adds a part to the cell's rows; returns its index (`{#index}` refers to its native cell). */
  part(part: NativePart): number {
    return this.parts.push(part) - 1;
  }

  /** The numbers a known range or value argument holds (blanks left out), or undefined when unknown. */
  numbers(i: number): number[] | undefined {
    const value = this.value(i);
    if (value === undefined) return this.has(i) ? undefined : [];
    const cells = Array.isArray(value) ? (value as unknown[][]).flat() : [value];
    if (cells.some((v) => v !== null && v !== "" && typeof v !== "number")) return undefined;
    return cells.filter((v): v is number => typeof v === "number");
  }

  /** A date that picks the version of the terms, when it is known. */
  knownDate(i: number): Serial | undefined {
    const value = this.value(i);
    return typeof value === "number"
      ? Math.floor(value) + (this.options.date1904 ? DATE_1904_OFFSET : 0)
      : undefined;
  }
}

/** A term as a number in a formula. */
export const num = (id: string, asOf?: Serial) => String(termNumber(id, asOf));

export function excelDate(serial: Serial): string {
  const { year, month, day } = fromSerial(serial);
  return `DATE(${year},${month},${day})`;
}

/** A term that the First Amendment changed, as of an optional date argument (an IF when the date is unknown). */
export function versioned(
  args: Args,
  i: number,
  render: (asOf: Serial | undefined) => string
): string {
  if (!args.has(i)) return render(undefined);
  const known = args.knownDate(i);
  if (known !== undefined) return render(known);
  const amendment = termNumber("loan.amendment_date");
  return `IF(${args.date(i)}<${excelDate(amendment)},${render(amendment - 1)},${render(amendment)})`;
}

export function termExpression(id: string, asOf: Serial | undefined): string {
  const { value } = termVersion(id, asOf);
  if (typeof value === "string") return excelDate(termNumber(id, asOf));
  return String(value);
}

/**
 * Rounding to cents, half away from zero, as the core rounds. Done on the amount in cents, first
 * cleared of binary noise: 10,000,000 + 0.5 × 333,333.33 is 10,166,666.665 exactly, but a binary
 * float holds 10,166,666.66499999…, which a bare ROUND(x,2) would take down a cent.
 */
export function cents(expression: string): string {
  return `ROUND(ROUND(100*(${expression}),4),0)/100`;
}

export function annual(stream: "consulting" | "chairman" | "both"): string {
  if (stream === "both") return `(${num("consulting.annual_fee")}+${num("chairman.annual_fee")})`;
  return num(stream === "consulting" ? "consulting.annual_fee" : "chairman.annual_fee");
}

/** Y(T): Σ over contract years of the days after T in that year ÷ its days. */
export function remainingYears(t: string): string {
  return `(${contractYears()
    .map((cy) => `MAX(0,${excelDate(cy.end)}-MAX(${t},${excelDate(cy.start - 1)}))/${cy.days}`)
    .join("+")})`;
}

/** Fee-years on the days from..to inclusive. */
export function yearsBetween(from: string, to: string): string {
  return `(${contractYears()
    .map(
      (cy) =>
        `MAX(0,MIN(${to},${excelDate(cy.end)})-MAX(${from},${excelDate(cy.start)})+1)/${cy.days}`
    )
    .join("+")})`;
}

/** The present-value reading: per contract year a geometric series of daily discount factors. */
function presentValue(t: string, fee: string): string {
  const growth = `(1+${num("sep.discount_rate")})`;
  const dayCount = num("sep.pv_day_count");
  // Σ over days d of r^(d−T), r = growth^(−1/365): (r^(first−T) − r^(end+1−T)) ÷ (1 − r).
  return `(${contractYears()
    .map((cy) => {
      const first = `MAX(${t}+1,${excelDate(cy.start)})`;
      const series = `(${growth}^(-(${first}-${t})/${dayCount})-${growth}^(-(${excelDate(cy.end)}+1-${t})/${dayCount}))/(1-${growth}^(-1/${dayCount}))`;
      return `IF(${t}<${excelDate(cy.end)},${fee}/${cy.days}*${series},0)`;
    })
    .join("+")})`;
}

/** A termination payment of one part, by what the SEP 4 table says the type pays. */
export function lump(part: Part, args: Args, settings: WorkbookSettings | undefined): string {
  const t = args.date(0);
  const type = args.keyword<TerminationType>(1);
  const fee = annual(part);
  const remainder = `${fee}*${remainingYears(t)}`;
  switch (SEP4[type].pays[part]) {
    case "nothing":
      return "0";
    case "remainder":
      return cents(remainder);
    case "death":
      return `IF(${t}<${excelDate(termNumber("sep.death_pivot_date"))},${cents(remainder)},0)`;
    case "disability share":
      return cents(`${num("sep.disability_share")}*${remainder}`);
    case "discounted remainder": {
      const method = args.keyword<DiscountMethod>(2, settings?.discountMethod);
      if (method === "pv") return cents(presentValue(t, fee));
      return cents(`${remainder}*(1-${num("sep.discount_rate")}*${remainingYears(t)})`);
    }
  }
}

/** The k-th (1-based) fiscal year from the covenant's first stepping year on, in order, as a native expression. */
export function nthYear(years: string, firstYear: number, k: number): string {
  return `SMALL(${years},COUNTIF(${years},"<"&${firstYear})+${k})`;
}

/** The running total of net income, losses included, from the first stepping year to `year`. */
export function runningIncome(
  years: string,
  incomes: string,
  firstYear: number,
  year: string
): string {
  return `SUMPRODUCT((${years}>=${firstYear})*(${years}<=${year})*${incomes})`;
}

/** How many of the known fiscal years count from the first stepping year on. */
function countedYears(args: Args, index: number, firstYear: number): number {
  const years = args.numbers(index);
  if (!years)
    notNative(
      "the fiscal years are not known values, and the native formula takes one term per year"
    );
  return years.filter((year) => year >= firstYear).length;
}

/**
 * The minimum TNW as of a test date, unrounded. Per year: base + share × the positive incomes of the
 * years ended by then. Running total: the minimum never falls, so it is base + share × the largest
 * running total (or 0) over the years ended by then, one term per fiscal year taken in order.
 */
export function minimumTnw(
  args: Args,
  dateIndex: number,
  at = { years: dateIndex + 1, incomes: dateIndex + 2, method: dateIndex + 3 }
): string {
  const method = args.keyword<TnwMethod>(at.method);
  const date = args.date(dateIndex);
  const years = args.expr(at.years);
  const incomes = args.expr(at.incomes);
  return versioned(args, dateIndex, (asOf) => {
    const firstEnd = fromSerial(termNumber("loan.tnw_first_year_end", asOf));
    // DATE(year, m, d) is each fiscal year's end only when d exists in that month every year.
    if (firstEnd.day > 28 && firstEnd.month === 2)
      notNative("the fiscal year end falls on a day February does not always have");
    const base = num("loan.tnw_base", asOf);
    const share = num("loan.tnw_income_share");
    if (method === "per_year") {
      const yearEnds = `DATE(${years},${firstEnd.month},${firstEnd.day})`;
      return `(${base}+${share}*SUMPRODUCT((${years}>=${firstEnd.year})*(${yearEnds}<=${date})*(${incomes}>0)*${incomes}))`;
    }
    const terms = Array.from({ length: countedYears(args, at.years, firstEnd.year) }, (_, k) => {
      const year = nthYear(years, firstEnd.year, k + 1);
      return `IF(DATE(${year},${firstEnd.month},${firstEnd.day})<=${date},${runningIncome(years, incomes, firstEnd.year, year)},0)`;
    });
    return `(${base}+${share}*MAX(0${terms.map((t) => `,${t}`).join("")}))`;
  });
}

/** The ledger's rows re-performed cell by cell: year, net income, step-up and minimum of each fiscal year. */
export function tnwLedgerParts(args: Args, options: NativeOptions): string {
  const method = args.keyword<TnwMethod>(2);
  const rows = spillRows(options);
  const years = args.expr(0);
  const incomes = args.expr(1);
  const firstYear = fromSerial(termNumber("loan.tnw_first_year_end")).year;
  const base = num("loan.tnw_base");
  const share = num("loan.tnw_income_share");
  const running: string[] = [];
  let previous = base;
  rows.forEach((row, k) => {
    const year = `{#${args.part({ label: "Fiscal year", native: nthYear(years, firstYear, k + 1), value: row[0], kind: "number", offset: [k, 0] })}}`;
    args.part({
      label: "Net income",
      native: cents(`SUMIF(${years},${year},${incomes})`),
      value: row[1],
      kind: "money",
      offset: [k, 1],
    });
    running.push(runningIncome(years, incomes, firstYear, year));
    const minimum =
      method === "per_year"
        ? `(${base}+${share}*SUMPRODUCT((${years}>=${firstYear})*(${years}<=${year})*(${incomes}>0)*${incomes}))`
        : `(${base}+${share}*MAX(0,${running.join(",")}))`;
    args.part({
      label: "Step-up",
      native: cents(`${minimum}-${previous}`),
      value: row[2],
      kind: "money",
      offset: [k, 2],
    });
    args.part({
      label: "Minimum",
      native: cents(minimum),
      value: row[3],
      kind: "money",
      offset: [k, 3],
    });
    previous = minimum;
  });
  return "";
}

/** A spill's rows as computed, which the parts re-perform one by one. */
function spillRows(options: NativeOptions): Scalar[][] {
  if (!Array.isArray(options.cellValue)) notNative("the spilled rows are not known");
  return options.cellValue as Scalar[][];
}

/** The fee schedule's rows: each pay date and the cumulative accrual to it rounded, less the rows before. */
export function feeScheduleParts(args: Args, options: NativeOptions): string {
  const stream = args.keyword<Stream>(0);
  const dates = payDates();
  const shift = options.date1904 ? DATE_1904_OFFSET : 0;
  const period = num("sep.pay_period_days");
  const payDate = (i: number) =>
    `MIN(${excelDate(feeStart())}+${period}*${i + 1}-1,${excelDate(feeEnd())})`;
  const accrued = (i: number) =>
    i < 0
      ? "0"
      : `ROUND(ROUND(100*(${annual(stream)}*${yearsBetween(excelDate(feeStart()), payDate(i))}),4),0)`;
  spillRows(options).forEach((row, k) => {
    const i = dates.indexOf(Number(row[0]) + shift);
    if (i < 0) notNative(`row ${k + 1}'s date is not a bi-weekly pay date`);
    args.part({
      label: "Pay date",
      native: payDate(i),
      value: row[0],
      kind: "date",
      offset: [k, 0],
    });
    args.part({
      label: "Amount",
      native: `(${accrued(i)}-${accrued(i - 1)})/100`,
      value: row[1],
      kind: "money",
      offset: [k, 1],
    });
  });
  return "";
}

/**
 * Excel's WORKDAY over a written holiday table: the US federal holidays as observed in the years the
 * count can reach, the workbook's extra holidays, and the formula's own (copied as dates).
 */
export function workdayOver(
  args: Args,
  options: NativeOptions,
  start: number,
  days: string,
  holidays: number | undefined
): string {
  const from = args.knownDate(start);
  if (from === undefined)
    notNative(
      "the start date is not a known value, and the holiday table is written for the years it spans"
    );
  const shift = options.date1904 ? DATE_1904_OFFSET : 0;
  const result = typeof options.cellValue === "number" ? options.cellValue + shift : from;
  return `WORKDAY(${args.date(start)},${days}${holidayTable(args, options, [from, result], holidays)})`;
}

/**
 * The holiday table WORKDAY reads, as helper rows: the US federal holidays as observed in every year
 * from the first to the last of `dates`, the workbook's extra holidays and the formula's own.
 * Returns the range argument (",{#a:#b}"), or "" for an empty table.
 */
function holidayTable(
  args: Args,
  options: NativeOptions,
  dates: readonly Serial[],
  holidays: number | undefined
): string {
  const shift = options.date1904 ? DATE_1904_OFFSET : 0;
  const first = fromSerial(Math.min(...dates)).year;
  const last = fromSerial(Math.max(...dates)).year;
  const table: number[] = [];
  for (let year = first; year <= last; year++) {
    for (const day of federalHolidaysIn(year))
      table.push(args.part({ label: "US federal holiday, as observed", native: excelDate(day) }));
  }
  for (const day of options.settings?.extraHolidays ?? [])
    table.push(args.part({ label: "Extra holiday (workbook setting)", native: excelDate(day) }));
  if (holidays !== undefined && args.has(holidays)) {
    const own = args.numbers(holidays);
    if (!own) notNative("the holidays argument is not known dates");
    for (const day of own)
      table.push(
        args.part({
          label: "Holiday given in the formula",
          native: excelDate(Math.floor(day) + shift),
        })
      );
  }
  return table.length ? `,{#${table[0]}:#${table[table.length - 1]}}` : "";
}

/**
 * The deadlines of an event re-performed row by row from the same table the core reads: the event
 * date (or the deadline before) plus or minus the term's days, or WORKDAY over the holiday table.
 */
export function eventDeadlinesParts(args: Args, options: NativeOptions): string {
  const rule = eventRule(args.keyword<AgreementEvent>(0));
  const rows = spillRows(options);
  if (rows.length !== rule.deadlines.length)
    notNative(`the event has ${rule.deadlines.length} deadlines, the cell shows ${rows.length}`);
  let table = "";
  if (rule.deadlines.some((d) => d.business)) {
    const from = args.knownDate(1);
    if (from === undefined)
      notNative(
        "the event date is not a known value, and the holiday table is written for the years it spans"
      );
    const shift = options.date1904 ? DATE_1904_OFFSET : 0;
    table = holidayTable(args, options, [from, ...rows.map((row) => Number(row[0]) + shift)], 2);
  }
  const parts: number[] = [];
  rule.deadlines.forEach((deadline, k) => {
    const start = deadline.from === "event" ? args.date(1) : `{#${parts[k - 1]}}`;
    const days = deadline.inclusive ? `(${num(deadline.days)}-1)` : num(deadline.days);
    const native = deadline.business
      ? `WORKDAY(${start},${deadline.direction < 0 ? "-" : ""}${days}${table})`
      : `${start}${deadline.direction < 0 ? "-" : "+"}${days}`;
    parts.push(
      args.part({ label: deadline.words, native, value: rows[k][0], kind: "date", offset: [k, 0] })
    );
  });
  return "";
}

export function lendingLimit(args: Args): string {
  const commitment = args.has(2) ? args.expr(2) : num("loan.commitment");
  const line = args.has(3) ? `${commitment}-${args.sum(3)}` : commitment;
  return `MIN(${line},${args.expr(0)})`;
}

/** Contract year 1 to 4: 1 plus one for each later contract year that has begun. */
export function contractYearFormula(d: string): string {
  return `1${contractYears()
    .slice(1)
    .map((cy) => `+(${d}>=${excelDate(cy.start)})`)
    .join("")}`;
}

/** The last exercise date of a tranche, by what the SEP 4 table says happens to options. */
export function optionExpiryFormula(a: Args): string {
  const t = a.date(0);
  const rule = SEP4[a.keyword<TerminationType>(1)].options;
  const oneYear = `EDATE(${t},${num("sep.option_exercise_months")})`;
  if (rule === "accelerate") return oneYear;
  if (rule === "forfeit unvested") return `${t}+${num("sep.option_forfeit_exercise_days")}`;
  if (!a.has(2)) return oneYear;
  const vest = a.date(2);
  return `IF(${vest}<=${t},${oneYear},${vest}+${num("sep.option_post_vest_days")})`;
}

/**
 * Builds a definition's native formula from its call's arguments; "" when it writes only parts (a
 * spill). It writes with this module's helpers, handed to it rather than imported, so that the
 * catalogue imports none of the audit's code, and Excel's functions.js, which never writes a native
 * formula, carries none of it.
 */
export type NativeBuilder = (
  args: Args,
  native: typeof nativeFormulas,
  options: NativeOptions
) => string;

/** The native expression (no "=") for formula text that may contain BTU calls; throws NotNative. */
function nativeExpression(
  text: string,
  resolve: (text: string) => string,
  options: NativeOptions,
  notes: string[],
  parts: NativePart[]
): string {
  const outer = findBtuCalls(text).filter(
    (call, _, all) =>
      !all.some((other) => other !== call && other.start <= call.start && call.end <= other.end)
  );
  let out = "";
  let at = 0;
  for (const call of outer) {
    out += resolve(text.slice(at, call.start));
    const whole = call.start === 0 && call.end === text.length;
    const inner = explainCall(
      call,
      resolve,
      whole ? options : { ...options, cellValue: undefined },
      parts
    );
    if (inner.expression === undefined)
      notNative(inner.note ?? `BTU.${call.name} cannot be re-performed`);
    if (inner.note) notes.push(inner.note);
    if (inner.expression === "" && !whole)
      notNative(
        `BTU.${call.name} spills a table, which cannot be re-performed inside a larger formula`
      );
    out += whole || inner.expression === "" ? inner.expression : `(${inner.expression})`;
    at = call.end;
  }
  return out + resolve(text.slice(at));
}

function explainCall(
  call: BtuCall,
  resolve: (text: string) => string,
  options: NativeOptions,
  parts: NativePart[]
): { expression?: string; note?: string } {
  const spec = findFunction(call.name);
  if (!spec) return { note: `BTU.${call.name} is not a function of this add-in` };
  if ("none" in spec.native)
    return { note: `not re-performable in native Excel: ${spec.native.none}` };
  const builder = spec.native;
  const args = new Args(call, resolve, options, parts);
  try {
    const expression = builder(args, nativeFormulas, options);
    return { expression, note: args.notes.length ? args.notes.join(" ") : undefined };
  } catch (error) {
    if (error instanceof NotNative)
      return { note: `not re-performable in native Excel: ${error.message}` };
    if (error instanceof ContractError)
      return { note: `not re-performable in native Excel: ${error.message}` };
    throw error;
  }
}

/** A native formula re-performing one call, with the reason when there is none. */
export function explainNative(
  call: BtuCall,
  resolveRef: (text: string) => string = (text) => text,
  options: NativeOptions = {}
): NativeResult {
  const parts: NativePart[] = [];
  const result = explainCall(call, resolveRef, options, parts);
  if (result.expression === undefined) return { note: result.note };
  return withParts(
    { formula: result.expression === "" ? undefined : `=${result.expression}`, note: result.note },
    parts
  );
}

function withParts(result: NativeResult, parts: NativePart[]): NativeResult {
  return parts.length ? { ...result, parts } : result;
}

/** A native formula re-performing one call (argument texts from `findBtuCalls`), or undefined. */
export function nativeFormula(
  call: BtuCall,
  resolveRef?: (text: string) => string,
  options?: NativeOptions
): string | undefined {
  return explainNative(call, resolveRef, options).formula;
}

/** A native formula for a whole cell formula: each BTU call replaced by its native form. */
export function nativeCellFormula(
  formula: string,
  resolveRef: (text: string) => string,
  options: NativeOptions = {}
): NativeResult {
  const notes: string[] = [];
  const parts: NativePart[] = [];
  const body = formula.trim().replace(/^=/, "");
  try {
    const expression = nativeExpression(body, resolveRef, options, notes, parts);
    return withParts(
      {
        formula: expression === "" ? undefined : `=${expression}`,
        note: notes.length ? notes.join(" ") : undefined,
      },
      parts
    );
  } catch (error) {
    if (error instanceof NotNative) return { note: error.message };
    throw error;
  }
}

/** An amount argument summed, or 0 when it is left out. */
function sumOrZero(args: Args, i: number): string {
  return args.has(i) ? args.sum(i) : "0";
}

/**
 * The borrowing-base certificate's amounts re-performed line by line (its labels and clauses are
 * text). Lines 7, 9, 11 and 12 are written as BORROWING_BASE, AVAILABILITY and OVERADVANCE are.
 */
export function borrowingBaseCertificateParts(args: Args, options: NativeOptions): string {
  if (args.has(7))
    notNative("as_of picks the terms: give the certificate without it to re-perform it");
  const rows = spillRows(options);
  const receivables = args.sum(0);
  const inventory = args.sum(1);
  const loans = args.sum(2);
  const lc = sumOrZero(args, 3);
  const drawn = sumOrZero(args, 4);
  const commitment = args.has(5) ? args.sum(5) : num("loan.commitment");
  const line = args.has(6) ? `(${commitment}-${args.sum(6)})` : commitment;
  const base = `(${num("loan.receivables_rate")}*${receivables}+MIN(${num("loan.inventory_rate")}*${inventory},${num("loan.inventory_cap")})-${lc}-${drawn})`;
  const limit = `MIN(${line},${base})`;
  const lines = [
    receivables,
    `${num("loan.receivables_rate")}*${receivables}`,
    inventory,
    `MIN(${num("loan.inventory_rate")}*${inventory},${num("loan.inventory_cap")})`,
    `-${lc}`,
    `-${drawn}`,
    base,
    line,
    limit,
    loans,
    `MAX(0,${limit}-${loans})`,
    `MAX(0,${loans}-${limit})`,
    `MAX(0,${base}-${loans})/${num("loan.receivables_rate")}`,
  ];
  if (rows.length !== lines.length)
    notNative(`the certificate has ${rows.length} lines, not ${lines.length}`);
  lines.forEach((expression, k) =>
    args.part({
      label: String(rows[k][0]),
      native: cents(expression),
      value: rows[k][1],
      kind: "money",
      offset: [k, 1],
    })
  );
  return "";
}

/**
 * The covenant certificate's figures and statuses re-performed row by row: the minimum TNW as
 * MIN_TNW writes it, the net income test as NET_INCOME_TEST, the leverage maximum as LEVERAGE_MAX.
 */
export function complianceParts(args: Args, options: NativeOptions): string {
  const rows = spillRows(options);
  if (rows.length !== 3) notNative("the certificate does not have its three rows");
  const date = args.date(0);
  const tnw = args.sum(1);
  const income = args.sum(4);
  const liabilities = args.sum(5);
  const watch = args.has(6)
    ? args.expr(6)
    : String(options.settings?.watchShare ?? DEFAULT_WATCH_SHARE);
  const required = minimumTnw(args, 0, { years: 2, incomes: 3, method: 7 });
  const maximum = versioned(args, 0, (at) => num("loan.leverage_max", at));
  const minimumIncome = num("loan.min_quarterly_net_income");
  const status = (passes: string, share: string) =>
    `IF(NOT(${passes}),"FAIL",IF(${share}<${watch},"WATCH","PASS"))`;
  const part = (k: number, col: number, native: string, kind: "money" | "number" | "text") =>
    args.part({
      label: `${String(rows[k][0])}: ${["", "", "required", "actual", "headroom", "headroom share", "status"][col]}`,
      native,
      value: rows[k][col],
      kind,
      offset: [k, col],
    });

  const tnwShare = `((${tnw}-${required})/${required})`;
  part(0, 2, cents(required), "money");
  part(0, 3, cents(tnw), "money");
  part(0, 4, cents(`${tnw}-${required}`), "money");
  part(0, 5, tnwShare, "number");
  part(0, 6, status(`${tnw}>=${required}`, tnwShare), "text");

  part(1, 2, cents(minimumIncome), "money");
  part(1, 3, cents(income), "money");
  part(1, 4, cents(`${income}-${minimumIncome}`), "money");
  part(
    1,
    6,
    `IF(${date}<${excelDate(termNumber("loan.net_income_test_from"))},"NOT TESTED",IF(${income}>=${minimumIncome},"PASS","FAIL"))`,
    "text"
  );

  const allowed = `(${maximum}*${tnw})`;
  const share = `((${allowed}-${liabilities})/${allowed})`;
  part(2, 2, maximum, "number");
  if (typeof rows[2][3] === "number") {
    part(2, 3, `ROUND(${liabilities}/${tnw},4)`, "number");
    part(2, 4, cents(`${allowed}-${liabilities}`), "money");
    part(2, 5, share, "number");
  }
  part(2, 6, `IF(${tnw}<=0,"FAIL",${status(`${liabilities}<=${allowed}`, share)})`, "text");
  return "";
}

/**
 * The function catalogue of TERMS.md: names, argument order and kinds, the clauses each function
 * applies, and the core call. Excel, HyperFormula, the CLI and the taskpane all read this table.
 */
import * as core from "../core";
import type { Outcome } from "../core";
import { payDates } from "../core/separation/fees";
import type { ClauseLibrary } from "./clauseLibrary";
import { Coerced, ParamSpec } from "./coerce";
import { WorkbookSettings, withWorkbookHolidays } from "./settings";

export type ResultKind = "money" | "date" | "number" | "text" | "boolean" | "rows";

export interface RunContext {
  /** The clause texts, loaded on demand (they are large: Excel loads them in a separate chunk). */
  clauses?: ClauseLibrary;
  /** Workbook settings that change results, stored in the workbook so every reader gets the same numbers. */
  settings?: WorkbookSettings;
  /** The workbook counts dates in the 1904 system: date arguments and results are shifted to and from the core's 1900 serials. */
  date1904?: boolean;
}

/** One column of a spilled result, as TERMS.md describes its rows. */
export interface SpillColumn {
  heading: string;
  /** How its values read; a fiscal year is shown as written ("text"), not as an amount. */
  kind: ResultKind;
}

export interface FunctionSpec {
  name: string;
  params: ParamSpec[];
  result: ResultKind;
  /** Clauses the function applies; a formula using it depends on them. */
  clauses: string[];
  /** For `rows` results: the spill's columns and, where the arguments cannot change it, the most rows. */
  spill?: { columns: readonly SpillColumn[]; maxRows?: number };
  needsClauses?: boolean;
  run(args: Coerced[], context: RunContext): Outcome<unknown>;
}

const p = (name: string, kind: ParamSpec["kind"], optional = false): ParamSpec => ({ name, kind, optional });
/** A keyword parameter whose accepted words are the keys of the core's own keyword table. */
const keyword = (name: string, table: Record<string, readonly string[]>, optional = false): ParamSpec => ({ name, kind: "keyword", optional, choices: Object.keys(table) });

/** Arguments arrive coerced per their ParamSpec; these casts only name what the coercion produced. */
const num = (v: Coerced) => v as number;
const optNum = (v: Coerced) => v as number | undefined;
const str = (v: Coerced) => v as string | undefined;
const list = (v: Coerced) => v as readonly number[];
const optList = (v: Coerced) => v as readonly number[] | undefined;
const column = (v: Coerced) => v as readonly (number | null)[];
const flags = (v: Coerced) => v as readonly boolean[] | undefined;
/** A range's amounts added exactly; a single cell goes to the core as it is (the core reads it exactly). */
const sum = (v: Coerced, clause: string, name: string): core.Amount => {
  const values = list(v);
  return values.length === 1 ? values[0] : core.sumAmounts(values, clause, name);
};
const optSum = (v: Coerced, clause: string, name: string) => (v === undefined ? undefined : sum(v, clause, name));

export const CATALOGUE: readonly FunctionSpec[] = [
  {
    name: "CONSULTING_LUMP",
    params: [p("termination_date", "date"), keyword("type", core.TERMINATION_TYPES), keyword("method", core.DISCOUNT_METHODS, true)],
    result: "money",
    clauses: ["SEP 4", "SEP 3(a)", "SEP 3(b)", "SEP 4(b)(i)", "SEP 4(c)(i)", "SEP 4(d)", "SEP 4(e)", "SEP 4(f)", "SEP 4(g)", "SEP 4(h)"],
    run: ([t, type, method], { settings }) => core.consultingLump(num(t), str(type), str(method) ?? settings?.discountMethod),
  },
  {
    name: "CHAIRMAN_LUMP",
    params: [p("termination_date", "date"), keyword("type", core.TERMINATION_TYPES), keyword("method", core.DISCOUNT_METHODS, true)],
    result: "money",
    clauses: ["SEP 4", "SEP 3(a)", "SEP 3(b)", "SEP 4(b)(ii)", "SEP 4(c)(ii)", "SEP 4(d)", "SEP 4(e)", "SEP 4(f)", "SEP 4(g)", "SEP 4(h)"],
    run: ([t, type, method], { settings }) => core.chairmanLump(num(t), str(type), str(method) ?? settings?.discountMethod),
  },
  {
    name: "REMAINING_FEES",
    params: [p("date", "date"), keyword("stream", core.STREAMS, true)],
    result: "money",
    clauses: ["SEP 3(a)", "SEP 3(b)"],
    run: ([date, stream]) => core.remainingFees(num(date), str(stream)),
  },
  {
    name: "FEES_EARNED",
    params: [p("from_date", "date"), p("to_date", "date"), keyword("stream", core.STREAMS, true)],
    result: "money",
    clauses: ["SEP 3(a)", "SEP 3(b)"],
    run: ([from, to, stream]) => core.feesEarned(num(from), num(to), str(stream)),
  },
  {
    name: "FEE_SCHEDULE",
    params: [keyword("stream", core.STREAMS, true), p("from_date", "date", true), p("to_date", "date", true)],
    result: "rows",
    spill: {
      columns: [
        { heading: "Pay date", kind: "date" },
        { heading: "Amount", kind: "money" },
      ],
      maxRows: payDates().length,
    },
    clauses: ["SEP 3(a)", "SEP 3(b)"],
    run: ([stream, from, to]) => core.feeSchedule(str(stream), optNum(from), optNum(to)),
  },
  {
    name: "TERMINATION_DATE",
    params: [p("notice_date", "date"), keyword("type", core.TERMINATION_TYPES), keyword("stream", core.STREAMS, true)],
    result: "date",
    clauses: ["SEP 4(b)(i)", "SEP 4(b)(ii)", "SEP 4(c)(i)", "SEP 4(c)(ii)"],
    run: ([notice, type, stream]) => core.terminationDate(num(notice), str(type), str(stream)),
  },
  {
    name: "CONTRACT_YEAR",
    params: [p("date", "date")],
    result: "number",
    clauses: ["SEP 3(b)"],
    run: ([date]) => core.contractYear(num(date)),
  },
  {
    name: "OPTION_EXPIRY",
    params: [p("termination_date", "date"), keyword("type", core.TERMINATION_TYPES), p("vest_date", "date", true)],
    result: "date",
    clauses: ["SEP 3(c)(iv)(A)"],
    run: ([t, type, vest]) => core.optionExpiry(num(t), str(type), optNum(vest)),
  },
  {
    name: "ELECTION_DEADLINE",
    params: [p("notification_date", "date"), p("holidays", "dates", true)],
    result: "date",
    clauses: ["SEP 4(c)(i)"],
    run: ([date, holidays], { settings }) => core.electionDeadline(num(date), withWorkbookHolidays(optList(holidays), settings)),
  },
  {
    name: "SHARE_TRANSFER_DEADLINE",
    params: [p("election_date", "date"), p("holidays", "dates", true)],
    result: "date",
    clauses: ["SEP 4(c)(i)"],
    run: ([date, holidays], { settings }) => core.shareTransferDeadline(num(date), withWorkbookHolidays(optList(holidays), settings)),
  },
  {
    name: "DURESS_SHARES",
    params: [p("amount", "amount"), p("fair_market_value", "amount"), p("portion", "amount", true)],
    result: "number",
    clauses: ["SEP 4(c)(i)"],
    run: ([amount, price, portion]) => core.duressShares(num(amount), num(price), optNum(portion)),
  },
  {
    name: "SPLIT_DOLLAR_COMPANY_INTEREST",
    params: [p("cash_value", "amount"), p("cash_value_2003", "amount"), p("insured_increase", "amount", true)],
    result: "money",
    clauses: ["SEP 3(c)(iii)(A)", "SEP 3(c)(iii)(B)"],
    run: ([cv, cv2003, increase]) => core.splitDollarCompanyInterest(num(cv), num(cv2003), optNum(increase)),
  },
  {
    name: "SPLIT_DOLLAR_BUYOUT",
    params: [p("company_interest", "amount"), p("life_expectancy_years", "number"), keyword("method", core.BUYOUT_METHODS, true)],
    result: "money",
    clauses: ["SEP 3(c)(iii)(B)"],
    run: ([ci, years, method]) => core.splitDollarBuyout(num(ci), num(years), str(method)),
  },
  {
    name: "DISABILITY_NOTICE_DATE",
    params: [p("first_day_disabled", "date")],
    result: "date",
    clauses: ["SEP 4(h)"],
    run: ([first]) => core.disabilityNoticeDate(num(first)),
  },
  {
    name: "CHANGE_OF_CONTROL",
    params: [p("voting_power_fraction", "number")],
    result: "boolean",
    clauses: ["SEP 7(b)", "SEP 4(e)"],
    run: ([fraction]) => core.changeOfControl(num(fraction)),
  },
  {
    name: "BORROWING_BASE",
    params: [p("eligible_receivables", "amounts"), p("eligible_inventory", "amounts"), p("lc_outstanding", "amounts", true), p("lc_unreimbursed", "amounts", true), p("as_of", "date", true)],
    result: "money",
    clauses: ["FA 1(b)", "FA 1(c)"],
    run: ([ar, inv, lc, drawn, asOf]) =>
      core.borrowingBase(
        sum(ar, "FA 1(b)", "eligible_receivables"),
        sum(inv, "FA 1(b)", "eligible_inventory"),
        optSum(lc, "FA 1(b)", "lc_outstanding"),
        optSum(drawn, "FA 1(b)", "lc_unreimbursed"),
        optNum(asOf),
      ),
  },
  {
    name: "INVENTORY_ADVANCE",
    params: [p("eligible_inventory", "amounts")],
    result: "money",
    clauses: ["FA 1(b)"],
    run: ([inv]) => core.inventoryAdvance(sum(inv, "FA 1(b)", "eligible_inventory")),
  },
  {
    name: "AVAILABILITY",
    params: [p("borrowing_base", "amount"), p("loans_outstanding", "amounts"), p("commitment", "amount", true), p("lc_exposure", "amounts", true)],
    result: "money",
    clauses: ["LMA I.A", "FA 1(b)"],
    run: ([base, loans, commitment, lc]) => core.availability(num(base), sum(loans, "LMA I.A", "loans_outstanding"), optNum(commitment), optSum(lc, "LMA I.A", "lc_exposure")),
  },
  {
    name: "OVERADVANCE",
    params: [p("borrowing_base", "amount"), p("loans_outstanding", "amounts"), p("commitment", "amount", true), p("lc_exposure", "amounts", true)],
    result: "money",
    clauses: ["SA 13(h)", "LMA I.A", "FA 1(b)"],
    run: ([base, loans, commitment, lc]) => core.overadvance(num(base), sum(loans, "LMA I.A", "loans_outstanding"), optNum(commitment), optSum(lc, "LMA I.A", "lc_exposure")),
  },
  {
    name: "MIN_TNW",
    params: [p("test_date", "date"), p("fiscal_years", "column"), p("net_incomes", "column"), keyword("method", core.TNW_METHODS, true)],
    result: "money",
    clauses: ["FA 1(h)-tnw"],
    run: ([date, years, incomes, method]) => core.minTnw(num(date), column(years), column(incomes), str(method)),
  },
  {
    name: "TNW_HEADROOM",
    params: [p("tangible_net_worth", "amount"), p("test_date", "date"), p("fiscal_years", "column"), p("net_incomes", "column"), keyword("method", core.TNW_METHODS, true)],
    result: "money",
    clauses: ["FA 1(h)-tnw"],
    run: ([tnw, date, years, incomes, method]) => core.tnwHeadroom(num(tnw), num(date), column(years), column(incomes), str(method)),
  },
  {
    name: "TNW_LEDGER",
    params: [p("fiscal_years", "column"), p("net_incomes", "column"), keyword("method", core.TNW_METHODS, true)],
    result: "rows",
    spill: {
      columns: [
        { heading: "Fiscal year", kind: "text" },
        { heading: "Net income", kind: "money" },
        { heading: "Step-up", kind: "money" },
        { heading: "Minimum after year end", kind: "money" },
      ],
    },
    clauses: ["FA 1(h)-tnw"],
    run: ([years, incomes, method]) => core.tnwLedger(column(years), column(incomes), str(method)),
  },
  {
    name: "NET_INCOME_TEST",
    params: [p("quarter_end", "date"), p("net_income", "amount")],
    result: "text",
    clauses: ["FA 1(i)"],
    run: ([date, income]) => core.netIncomeTest(num(date), num(income)),
  },
  {
    name: "LEVERAGE_TEST",
    params: [p("total_liabilities", "amount"), p("tangible_net_worth", "amount"), p("as_of", "date", true)],
    result: "text",
    clauses: ["FA 1(j)"],
    run: ([liabilities, tnw, asOf]) => core.leverageTest(num(liabilities), num(tnw), optNum(asOf)),
  },
  {
    name: "LEVERAGE_MAX",
    params: [p("as_of", "date", true)],
    result: "number",
    clauses: ["FA 1(j)"],
    run: ([asOf]) => core.leverageMax(optNum(asOf)),
  },
  {
    name: "CROSS_DEFAULT",
    params: [p("amounts", "column"), p("disputed", "flags", true)],
    result: "boolean",
    clauses: ["FA 1(g)"],
    run: ([amounts, disputed]) => core.crossDefault(column(amounts).map((v) => v ?? 0), flags(disputed)),
  },
  {
    name: "FACILITY_TERMINATION_DATE",
    params: [p("as_of", "date", true)],
    result: "date",
    clauses: ["FA 1(a)", "ALLONGE 1"],
    run: ([asOf]) => core.facilityTerminationDate(optNum(asOf)),
  },
  {
    name: "NOTICE_EFFECTIVE",
    params: [p("sent_date", "date"), keyword("method", core.NOTICE_METHODS), p("holidays", "dates", true)],
    result: "date",
    clauses: ["SA 21(a)", "SA 21(b)"],
    run: ([sent, method, holidays], { settings }) => core.noticeEffective(num(sent), str(method), withWorkbookHolidays(optList(holidays), settings)),
  },
  {
    name: "WORKDAY",
    params: [p("start_date", "date"), p("days", "number"), p("holidays", "dates", true)],
    result: "date",
    clauses: ["SA 21(b)", "SEP 4(c)(i)"],
    run: ([start, days, holidays], { settings }) => core.workdayFunction(num(start), num(days), withWorkbookHolidays(optList(holidays), settings)),
  },
  {
    name: "TERM",
    params: [p("term_id", "text"), p("as_of", "date", true)],
    result: "number",
    clauses: [],
    run: ([id, asOf]) => core.termValue(str(id)!, optNum(asOf)),
  },
  {
    name: "CLAUSE",
    params: [p("clause_id", "text")],
    result: "text",
    clauses: [],
    needsClauses: true,
    run: ([id], context) => context.clauses!.clauseFunction(str(id)!),
  },
];

const BY_NAME = new Map(CATALOGUE.map((spec) => [spec.name, spec]));

/** Looks a function up by name, with or without the `BTU.` namespace. */
export function findFunction(name: string): FunctionSpec | undefined {
  return BY_NAME.get(name.trim().toUpperCase().replace(/^BTU\./, ""));
}

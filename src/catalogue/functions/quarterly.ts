/**
 * What finance staff do with the agreements every quarter: the dates both agreements set, the
 * deadlines an event starts, and the two certificates for the Bank. Each entry is the whole
 * definition of one function (TERMS.md, "Deadlines and certificates").
 */
import * as core from "../../core";
import { termPercent } from "../../core";
import type { FunctionDefinition, SpillColumn } from "../definition";
import { asOf, holidays, keyword, optional, param } from "../params";
import { withWorkbookHolidays } from "../settings";
import { fiscalYears, inventory, lineParams, netIncomes, tnwMethod } from "./loan";
import { column, date, dates, kw, money, num, optMoney, optNum } from "./values";

const DATE_ROWS: readonly SpillColumn[] = [
  { heading: "Date", kind: "date" },
  { heading: "What", kind: "text" },
  { heading: "Clause", kind: "text" },
];

/** The help of each event keyword: what the event is, in words, with its clause. */
const EVENT_HELP: Record<core.AgreementEvent, string> = {
  cause_breach_notice: "The Company's written notice of a curable material breach",
  good_reason_notice: "The Company receives notice of a material failure to pay",
  duress_notification: "The Board notifies a delay for financial duress",
  disability_start: "First day of disability",
  overadvance_notice: "The Bank's notice after a casualty exclusion",
  insurance_cancellation: "Date a policy would be cancelled",
  records_move: "Date records move to another state",
  office_move: "Date the chief office or a place of business moves, opens or closes",
  collateral_sale: "Date of the Bank's sale after default",
  courier_notice: "A notice deposited with an overnight courier",
};

const event = keyword(
  "event",
  "AgreementEvent",
  (Object.keys(core.AGREEMENT_EVENTS) as core.AgreementEvent[]).map((value) => ({
    value,
    help: `${EVENT_HELP[value]} (${core.eventClause(value)}).`,
  })),
  core.parseAgreementEvent,
  'The event: a keyword such as "duress_notification" or "insurance_cancellation", or its clause such as "4(c)(i)"; any case.'
);

const WATCH_SHARE = optional(
  "watch_share",
  "fraction",
  `Headroom share below which a passing test shows WATCH, from 0 to 1; blank uses the workbook setting, else ${core.DEFAULT_WATCH_SHARE}.`
);

export const QUARTERLY: readonly FunctionDefinition[] = [
  {
    name: "CALENDAR",
    group: "Dates and deadlines",
    summary:
      "Lists every date of both agreements that depends on no event (SEP 3, SEP 4(b)(i), FA 1(a), FA 1(i) and the others), spilled as rows of date, what happens and clause, sorted by date.",
    params: [
      optional("from_date", "date", "Earliest date to list (a date); blank lists from the first."),
      optional("to_date", "date", "Latest date to list (a date); blank lists to the last."),
    ],
    result: "rows",
    returns: "One row per date, no header: date, what happens, clause.",
    spill: { columns: DATE_ROWS, maxRows: core.agreementCalendar().length },
    clauses: ["SEP 3", "SEP 4(b)(i)", "SEP 4(d)", "FA 1(a)", "FA 1(i)", "FA 1(h)-tnw"],
    run: ([from, to]) => core.calendarFunction(optNum(from), optNum(to)),
    native: { none: "a fixed list of dates: compare the rows with the terms data" },
    examples: [
      {
        args: [],
        shows: "32 rows; first 2002-06-26, Original Loan Agreement, FA recitals",
      },
      {
        args: [date("2007-01-01")],
        shows: "first 2007-03-31 (39172), the last quarter test",
      },
    ],
  },
  {
    name: "EVENT_DEADLINES",
    group: "Dates and deadlines",
    summary:
      "Lists the deadlines one event starts under either agreement (cure periods of SEP 4(a)(i) and 4(d), the SEP 4(c)(i) election and share transfer, disability, the notices of SA 13, SA 15 and SA 21(b)), spilled as rows of date, deadline and clause.",
    params: [event, param("event_date", "date", "Date of the event (a date)."), holidays],
    result: "rows",
    returns: "One row per deadline, no header: date, deadline, clause.",
    spill: { columns: DATE_ROWS, maxRows: core.EVENT_DEADLINE_ROWS },
    clauses: [
      "SEP 4(a)(i)",
      "SEP 4(c)(i)",
      "SEP 4(d)",
      "SEP 4(h)",
      "SA 13(b)",
      "SA 13(e)(ii)",
      "SA 13(e)(iii)",
      "SA 13(h)",
      "SA 15",
      "SA 21(b)",
    ],
    settings: ["extraHolidays"],
    run: ([e, d, h], { settings }) =>
      core.eventDeadlines(
        kw<core.AgreementEvent>(e)!,
        num(d),
        withWorkbookHolidays(dates(h), settings)
      ),
    native: (a, native, o) => native.eventDeadlinesParts(a, o),
    examples: [
      {
        args: ["duress_notification", date("2004-12-20")],
        shows: "2 rows: 2005-01-21 (38373) election deadline, 2005-02-04 (38387) share transfer",
      },
      {
        args: ["insurance_cancellation", date("2005-03-01")],
        shows: "1 row: 2005-02-19 (38402)",
      },
    ],
  },
  {
    name: "COMPLIANCE",
    group: "Covenants",
    summary: `Gives the covenant certificate for a quarter end: minimum tangible net worth (FA 1(h)), quarterly net income (FA 1(i)) and leverage (FA 1(j)), each with required, actual, headroom, headroom share and PASS, WATCH, FAIL or NOT TESTED.`,
    params: [
      param(
        "test_date",
        "date",
        "A calendar quarter end (31 March, 30 June, 30 September or 31 December); any other date is #VALUE!."
      ),
      param(
        "tangible_net_worth",
        "money",
        "Tangible net worth at the test date, in dollars; a range is summed."
      ),
      fiscalYears,
      netIncomes,
      param(
        "quarter_net_income",
        "money",
        "Net income of the quarter ending on the test date, in dollars; losses are negative."
      ),
      param(
        "total_liabilities",
        "money",
        "Total liabilities at the test date, in dollars; a range is summed."
      ),
      WATCH_SHARE,
      tnwMethod,
    ],
    result: "rows",
    returns:
      "Three rows, no header: covenant, clause, required, actual, headroom, headroom share, status.",
    spill: {
      columns: [
        { heading: "Covenant", kind: "text" },
        { heading: "Clause", kind: "text" },
        { heading: "Required", kind: "number" },
        { heading: "Actual", kind: "number" },
        { heading: "Headroom", kind: "money" },
        { heading: "Headroom share", kind: "number" },
        { heading: "Status", kind: "text" },
      ],
      maxRows: 3,
    },
    clauses: ["FA 1(h)-tnw", "FA 1(i)", "FA 1(j)"],
    settings: ["watchShare"],
    run: ([d, tnw, years, incomes, income, liabilities, watch, method], { settings }) =>
      core.compliance(
        num(d),
        money(tnw),
        column(years),
        column(incomes),
        money(income),
        money(liabilities),
        optNum(watch) ?? settings?.watchShare,
        kw<core.TnwMethod>(method)
      ),
    native: (a, native, o) => native.complianceParts(a, o),
    // TNW: 11,500,000 − 11,000,000 = 500,000 (4.5% < 10%: WATCH); leverage: 2 × 11,500,000 − 21,000,000.
    examples: [
      {
        args: [
          date("2006-12-31"),
          11500000,
          { array: [2004, 2005, 2006] },
          { array: [1200000, -300000, 800000] },
          290000,
          21000000,
        ],
        shows: "row 1 headroom 500000.00, WATCH; row 3 headroom 2000000.00",
      },
    ],
  },
  {
    name: "BORROWING_BASE_CERTIFICATE",
    group: "Borrowing base",
    summary: `Gives the thirteen lines of the borrowing-base certificate (FA 1(b)): the advances at ${termPercent("loan.receivables_rate")} and ${termPercent("loan.inventory_rate")}, the deductions, the Borrowing Base, the line, availability, over-advance, and how far receivables may fall before an over-advance.`,
    params: [
      param(
        "eligible_receivables",
        "money",
        "Eligible Receivables in dollars: a number or a range, summed."
      ),
      inventory,
      lineParams[1],
      optional(
        "lc_outstanding",
        "money",
        "Face amount of letters of credit outstanding, in dollars; blank means 0."
      ),
      optional(
        "lc_unreimbursed",
        "money",
        "Amounts drawn under letters of credit and not yet reimbursed, in dollars; blank means 0."
      ),
      lineParams[2],
      lineParams[3],
      asOf(),
    ],
    result: "rows",
    returns: "Thirteen rows, no header: line, amount, clause.",
    spill: {
      columns: [
        { heading: "Line", kind: "text" },
        { heading: "Amount", kind: "money" },
        { heading: "Clause", kind: "text" },
      ],
      maxRows: 13,
    },
    clauses: ["FA 1(b)", "LMA I.A", "SA 13(h)"],
    run: ([ar, inv, loans, lc, drawn, commitment, exposure, d]) =>
      core.borrowingBaseCertificate(
        money(ar),
        money(inv),
        money(loans),
        optMoney(lc),
        optMoney(drawn),
        optMoney(commitment),
        optMoney(exposure),
        optNum(d)
      ),
    native: (a, native, o) => native.borrowingBaseCertificateParts(a, o),
    // Base 5,150,000 − loans 4,000,000 = 1,150,000 of room, ÷ 80% = 1,437,500 of receivables.
    examples: [
      {
        args: [5000000, 4000000, 4000000, 250000],
        shows: "13 rows; row 13 1437500.00",
      },
    ],
  },
];

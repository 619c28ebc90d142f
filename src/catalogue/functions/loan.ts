/**
 * The loan documents' functions (FA, SA, LMA, ALLONGE): the Borrowing Base and the line, the
 * covenants, the facility's dates and notices. Each entry is the whole definition of one function.
 */
import * as core from "../../core";
import { termCount, termDate, termDollars, termPercent, termYear } from "../../core";
import type { FunctionDefinition } from "../definition";
import { asOf, holidays, keyword, optional, param } from "../params";
import { withWorkbookHolidays } from "../settings";
import { column, date, dates, flags, kw, money, num, optMoney, optNum } from "./values";

const amended = termDate("loan.amendment_date");
/** The last day of the original terms, which picks their version of a term. */
const beforeAmendment = core.termNumber("loan.amendment_date") - 1;

export const tnwMethod = keyword(
  "method",
  "TnwMethod",
  [
    {
      value: "per_year",
      help: `Each profitable fiscal year adds ${termPercent("loan.tnw_income_share")} of its income; losses add nothing.`,
    },
    {
      value: "running_total",
      help: `${termPercent("loan.tnw_income_share")} of the income to date, losses included, never lowering the minimum.`,
    },
  ],
  core.parseTnwMethod,
  `"per_year" (each profitable year adds ${termPercent("loan.tnw_income_share")}, losses add nothing) or "running_total" (${termPercent("loan.tnw_income_share")} of income to date, losses included, never lowering the minimum); blank means "${core.DEFAULT_TNW_METHOD}".`,
  { default: core.DEFAULT_TNW_METHOD }
);

export const fiscalYears = param(
  "fiscal_years",
  "column",
  "Fiscal (calendar) years, such as {2004,2005,2006} or a column; rows left empty are skipped, a year given twice is #VALUE!."
);
export const netIncomes = param(
  "net_incomes",
  "column",
  "After-tax net income of each year in dollars, in the same order as fiscal_years; losses are negative."
);
const testDate = param(
  "test_date",
  "date",
  `Date the covenant is tested; before ${amended} the original terms apply (${termDollars("loan.tnw_base", beforeAmendment)}, fiscal years from ${termYear("loan.tnw_first_year_end", beforeAmendment)}).`
);

export const lineParams = [
  param(
    "borrowing_base",
    "money",
    "The Borrowing Base in dollars, letters of credit already deducted (for example a BTU.BORROWING_BASE result); it may be negative; a range is summed."
  ),
  param(
    "loans_outstanding",
    "money",
    "Revolving loans outstanding in dollars: a number or a range, summed; empty cells count as 0."
  ),
  optional(
    "commitment",
    "money",
    `The revolving line in dollars (a range is summed); blank means the ${termDollars("loan.commitment")} of LMA I.A.`
  ),
  optional(
    "lc_exposure",
    "money",
    "Only for the reading that letters of credit also use up the line: their amount in dollars (a number or a range), taken off the commitment; blank means they are deducted only inside the Borrowing Base."
  ),
];

export const inventory = param(
  "eligible_inventory",
  "money",
  "Eligible Inventory in dollars: a number or a range, summed; empty cells count as 0, text is #VALUE!."
);

export const LOAN: readonly FunctionDefinition[] = [
  {
    name: "BORROWING_BASE",
    group: "Borrowing base",
    summary: `Gives the Borrowing Base under FA 1(b): ${termPercent("loan.receivables_rate")} of eligible receivables plus ${termPercent("loan.inventory_rate")} of eligible inventory (at most ${termDollars("loan.inventory_cap")}), less letters of credit outstanding and drawn amounts not reimbursed.`,
    params: [
      param(
        "eligible_receivables",
        "money",
        "Eligible Receivables in dollars: a number or a range, summed; empty cells count as 0, text is #VALUE!."
      ),
      inventory,
      optional(
        "lc_outstanding",
        "money",
        "Face amount of letters of credit outstanding, in dollars (a number or a range, summed); blank means 0."
      ),
      optional(
        "lc_unreimbursed",
        "money",
        "Amounts drawn under letters of credit and not yet reimbursed, in dollars (a number or a range, summed); blank means 0."
      ),
      asOf(
        `Date of the calculation; before ${amended} is #N/A (the original formula is not in these documents); blank means the amended terms.`
      ),
    ],
    result: "money",
    returns: "The Borrowing Base in dollars; it may be negative.",
    clauses: ["FA 1(b)", "FA 1(c)"],
    run: ([ar, inv, lc, drawn, d]) =>
      core.borrowingBase(money(ar), money(inv), optMoney(lc), optMoney(drawn), optNum(d)),
    native: (a, native) => {
      const deductions = [2, 3]
        .filter((i) => a.has(i))
        .map((i) => `-${a.sum(i)}`)
        .join("");
      return native.cents(
        `${native.num("loan.receivables_rate")}*${a.sum(0)}+MIN(${native.num("loan.inventory_rate")}*${a.sum(1)},${native.num("loan.inventory_cap")})${deductions}`
      );
    },
    examples: [
      { args: [5000000, 4000000, 250000], shows: "5150000.00", cell: 5150000 },
      { args: [5000000, 12000000], shows: "7500000.00 (inventory cap)", cell: 7500000 },
    ],
  },
  {
    name: "INVENTORY_ADVANCE",
    group: "Borrowing base",
    summary: `Gives the inventory part of the FA 1(b) Borrowing Base: ${termPercent("loan.inventory_rate")} of eligible inventory, at most ${termDollars("loan.inventory_cap")}.`,
    params: [inventory],
    result: "money",
    returns: "The inventory advance in dollars.",
    clauses: ["FA 1(b)"],
    run: ([inv]) => core.inventoryAdvance(money(inv)),
    native: (a, native) =>
      native.cents(
        `MIN(${native.num("loan.inventory_rate")}*${a.sum(0)},${native.num("loan.inventory_cap")})`
      ),
    // 35% of 9,999,999 is 3,499,999.65, just under the cap.
    examples: [{ args: [9999999], shows: "3499999.65", cell: 3499999.65 }],
  },
  {
    name: "AVAILABILITY",
    group: "Borrowing base",
    summary:
      "Gives the amount still available to borrow: the lesser of the revolving commitment (LMA I.A) and the Borrowing Base (FA 1(b)), less loans outstanding, never below 0.",
    params: lineParams,
    result: "money",
    returns: "Availability in dollars.",
    clauses: ["LMA I.A", "FA 1(b)"],
    run: ([base, loans, commitment, lc]) =>
      core.availability(money(base), money(loans), optMoney(commitment), optMoney(lc)),
    native: (a, native) => native.cents(`MAX(0,${native.lendingLimit(a)}-${a.sum(1)})`),
    // min(14,000,000, 5,150,000) − 2,000,000.
    examples: [{ args: [5150000, 2000000], shows: "3150000.00", cell: 3150000 }],
  },
  {
    name: "OVERADVANCE",
    group: "Borrowing base",
    summary: `Gives the loans outstanding above the lesser of the commitment and the Borrowing Base, an over-advance SA 13(h) requires to be repaid within ${termCount("loan.overadvance_cure_days")} days of the bank's notice; 0 when there is none.`,
    params: lineParams,
    result: "money",
    returns: "The over-advance in dollars.",
    clauses: ["SA 13(h)", "LMA I.A", "FA 1(b)"],
    run: ([base, loans, commitment, lc]) =>
      core.overadvance(money(base), money(loans), optMoney(commitment), optMoney(lc)),
    native: (a, native) => native.cents(`MAX(0,${a.sum(1)}-${native.lendingLimit(a)})`),
    // 6,000,000 − min(14,000,000, 5,150,000).
    examples: [{ args: [5150000, 6000000], shows: "850000.00", cell: 850000 }],
  },
  {
    name: "MIN_TNW",
    group: "Covenants",
    summary: `Gives the minimum tangible net worth on a test date under FA 1(h): ${termDollars("loan.tnw_base")} plus ${termPercent("loan.tnw_income_share")} of the after-tax net income of each profitable fiscal year from ${termYear("loan.tnw_first_year_end")} that has ended by then.`,
    params: [testDate, fiscalYears, netIncomes, tnwMethod],
    result: "money",
    returns: "The required minimum in dollars.",
    clauses: ["FA 1(h)-tnw"],
    run: ([d, years, incomes, method]) =>
      core.minTnw(num(d), column(years), column(incomes), kw<core.TnwMethod>(method)),
    native: (a, native) => native.cents(native.minimumTnw(a, 0)),
    examples: [
      {
        args: [
          date("2006-12-31"),
          { array: [2004, 2005, 2006] },
          { array: [1200000, -300000, 800000] },
        ],
        shows: "11000000.00",
        cell: 11000000,
      },
    ],
  },
  {
    name: "TNW_HEADROOM",
    group: "Covenants",
    summary:
      "Gives the tangible net worth above the FA 1(h) minimum on a test date (negative when below it).",
    params: [
      param(
        "tangible_net_worth",
        "money",
        "Actual tangible net worth on the test date, in dollars; a range is summed."
      ),
      testDate,
      fiscalYears,
      netIncomes,
      tnwMethod,
    ],
    result: "money",
    returns: "Headroom in dollars: actual minus required.",
    clauses: ["FA 1(h)-tnw"],
    run: ([tnw, d, years, incomes, method]) =>
      core.tnwHeadroom(
        money(tnw),
        num(d),
        column(years),
        column(incomes),
        kw<core.TnwMethod>(method)
      ),
    native: (a, native) => native.cents(`${a.sum(0)}-${native.minimumTnw(a, 1)}`),
    // 12,000,000 − 11,000,000 (the MIN_TNW example).
    examples: [
      {
        args: [
          12000000,
          date("2006-12-31"),
          { array: [2004, 2005, 2006] },
          { array: [1200000, -300000, 800000] },
        ],
        shows: "1000000.00",
        cell: 1000000,
      },
    ],
  },
  {
    name: "TNW_LEDGER",
    group: "Covenants",
    summary: `Lists the FA 1(h) minimum tangible net worth year by year from fiscal ${termYear("loan.tnw_first_year_end")}, spilled as rows of year, net income, step-up and the minimum after that year end.`,
    params: [
      param(
        "fiscal_years",
        "column",
        `Fiscal (calendar) years, such as {2004,2005,2006} or a column; years before ${termYear("loan.tnw_first_year_end")} are left out, rows left empty are skipped.`
      ),
      netIncomes,
      tnwMethod,
    ],
    result: "rows",
    returns:
      "One row per fiscal year, sorted by year, no header: year, net income, step-up, minimum.",
    spill: {
      columns: [
        { heading: "Fiscal year", kind: "text" },
        { heading: "Net income", kind: "money" },
        { heading: "Step-up", kind: "money" },
        { heading: "Minimum after year end", kind: "money" },
      ],
    },
    clauses: ["FA 1(h)-tnw"],
    run: ([years, incomes, method]) =>
      core.tnwLedger(column(years), column(incomes), kw<core.TnwMethod>(method)),
    native: (a, native, o) => native.tnwLedgerParts(a, o),
    // 10,000,000 + 600,000 after 2004; the 2005 loss adds nothing; + 400,000 after 2006.
    examples: [
      {
        args: [{ array: [2004, 2005, 2006] }, { array: [1200000, -300000, 800000] }],
        shows: "3 rows; last 2006, 800000.00, 400000.00, 11000000.00",
      },
    ],
  },
  {
    name: "NET_INCOME_TEST",
    group: "Covenants",
    summary: `Tests the minimum net income covenant of FA 1(i): "PASS" when a quarter's net income is at least ${termDollars("loan.min_quarterly_net_income")}, "FAIL" below, "NOT TESTED" before the quarter ending ${termDate("loan.net_income_test_from")}.`,
    params: [
      param(
        "quarter_end",
        "date",
        "Last day of a calendar quarter (31 March, 30 June, 30 September or 31 December); any other date is #VALUE!."
      ),
      param(
        "net_income",
        "money",
        "Net income of that quarter in dollars; losses are negative; a range is summed."
      ),
    ],
    result: "text",
    returns: '"PASS", "FAIL" or "NOT TESTED".',
    clauses: ["FA 1(i)"],
    run: ([d, income]) => core.netIncomeTest(num(d), money(income)),
    native: (a, native) =>
      `IF(${a.date(0)}<${native.excelDate(core.termNumber("loan.net_income_test_from"))},"NOT TESTED",IF(${a.sum(1)}>=${native.num("loan.min_quarterly_net_income")},"PASS","FAIL"))`,
    examples: [{ args: [date("2004-09-30"), -5], shows: "NOT TESTED", cell: "NOT TESTED" }],
  },
  {
    name: "LEVERAGE_TEST",
    group: "Covenants",
    summary:
      'Tests the leverage covenant of FA 1(j): "PASS" when total liabilities divided by tangible net worth is at most the maximum of the date, "FAIL" otherwise or when tangible net worth is zero or less.',
    params: [
      param(
        "total_liabilities",
        "money",
        "Total liabilities in dollars, zero or more; a range is summed."
      ),
      param(
        "tangible_net_worth",
        "money",
        "Tangible net worth in dollars; zero or less fails the test; a range is summed."
      ),
      asOf(
        `Date of the test, which picks the maximum (${termCount("loan.leverage_max")} from ${amended}, ${termCount("loan.leverage_max", beforeAmendment)} before); blank means the amended maximum.`
      ),
    ],
    result: "text",
    returns: '"PASS" or "FAIL".',
    clauses: ["FA 1(j)"],
    run: ([liabilities, tnw, d]) => core.leverageTest(money(liabilities), money(tnw), optNum(d)),
    native: (a, native) => {
      const limit = native.versioned(a, 2, (at) => native.num("loan.leverage_max", at));
      // liabilities ≤ limit × TNW is the ratio test without a division that binary floats could blur.
      return `IF(AND(${a.sum(1)}>0,${a.sum(0)}<=${limit}*${a.sum(1)}),"PASS","FAIL")`;
    },
    // 20,000,000 ÷ 10,000,000 = 2.0, exactly the amended maximum.
    examples: [{ args: [20000000, 10000000], shows: "PASS", cell: "PASS" }],
  },
  {
    name: "LEVERAGE_MAX",
    group: "Covenants",
    summary: `Gives the highest ratio of total liabilities to tangible net worth that FA 1(j) allows on a date: ${termCount("loan.leverage_max")} from ${amended}, ${termCount("loan.leverage_max", beforeAmendment)} before.`,
    params: [asOf("Date of the test; blank means the amended terms.")],
    result: "number",
    returns: "The maximum ratio.",
    clauses: ["FA 1(j)"],
    run: ([d]) => core.leverageMax(optNum(d)),
    native: (a, native) => native.versioned(a, 0, (at) => native.num("loan.leverage_max", at)),
    examples: [
      {
        args: [date("2004-01-27")],
        shows: "0.75 (the day before the First Amendment)",
        cell: 0.75,
      },
    ],
  },
  {
    name: "CROSS_DEFAULT",
    group: "Covenants",
    summary: `Tests the cross default of FA 1(g): TRUE when other indebtedness not paid, alone or together, exceeds ${termDollars("loan.cross_default_threshold")}, leaving out amounts disputed in good faith.`,
    params: [
      param(
        "amounts",
        "column",
        "Unpaid amounts of other indebtedness in dollars, zero or more (a number or a range); empty cells count as 0."
      ),
      optional(
        "disputed",
        "flags",
        "A range parallel to amounts, TRUE where the amount is disputed in good faith with adequate reserves (it is then left out); blank means none is disputed."
      ),
    ],
    result: "boolean",
    returns: "TRUE for an Event of Default, FALSE otherwise.",
    clauses: ["FA 1(g)"],
    run: ([amounts, disputed]) =>
      core.crossDefault(
        column(amounts).map((v) => v ?? 0),
        flags(disputed)
      ),
    native: (a, native) => {
      const threshold = native.num("loan.cross_default_threshold");
      if (!a.has(1)) return `SUM(${a.expr(0)})>${threshold}`;
      return `SUMPRODUCT(${a.expr(0)}*(1-${a.expr(1)}))>${threshold}`;
    },
    // 25,000 + 25,000.01 is more than 50,000.
    examples: [{ args: [{ array: [25000, 25000.01] }], shows: "TRUE", cell: true }],
  },
  {
    name: "FACILITY_TERMINATION_DATE",
    group: "Dates and deadlines",
    summary: `Gives the date the revolving credit facility ends under FA 1(a) and ALLONGE 1: ${termDate("loan.termination_date")}, or ${termDate("loan.termination_date", beforeAmendment)} before the First Amendment of ${amended}.`,
    params: [asOf("Date that picks the terms in force; blank means the amended terms.")],
    result: "date",
    returns: "The termination date of the facility, as a date serial.",
    clauses: ["FA 1(a)", "ALLONGE 1"],
    run: ([d]) => core.facilityTerminationDate(optNum(d)),
    native: (a, native) =>
      native.versioned(a, 0, (at) =>
        native.excelDate(core.termNumber("loan.termination_date", at))
      ),
    examples: [{ args: [], shows: "2007-05-31", cell: date("2007-05-31") }],
  },
  {
    name: "NOTICE_EFFECTIVE",
    group: "Dates and deadlines",
    summary:
      "Gives the date a notice under SA 21 takes effect: by fax on the day it is sent, by overnight courier on the next business day after deposit.",
    params: [
      param(
        "sent_date",
        "date",
        "Date the notice is faxed or deposited with the courier (a date)."
      ),
      keyword(
        "method",
        "NoticeMethod",
        [
          { value: "fax", help: "By fax: effective the day it is sent (SA 21(a))." },
          {
            value: "courier",
            help: "By overnight courier: effective the next business day after deposit (SA 21(b)).",
          },
        ],
        core.parseNoticeMethod,
        '"fax" or "courier" (or the clause, "21(a)" or "21(b)"); any case.'
      ),
      holidays,
    ],
    result: "date",
    returns: "The effective date, as a date serial.",
    clauses: ["SA 21(a)", "SA 21(b)"],
    settings: ["extraHolidays"],
    run: ([sent, method, h], { settings }) =>
      core.noticeEffective(
        num(sent),
        kw<core.NoticeMethod>(method)!,
        withWorkbookHolidays(dates(h), settings)
      ),
    native: (a, native, o) =>
      a.keyword<core.NoticeMethod>(1) === "fax"
        ? a.date(0)
        : native.workdayOver(a, o, 0, native.num("loan.courier_business_days"), 2),
    examples: [
      {
        args: [date("2004-12-23"), "courier"],
        shows: "2004-12-27 (24 Dec 2004 is the observed Christmas)",
        cell: date("2004-12-27"),
      },
    ],
  },
  {
    name: "WORKDAY",
    group: "Dates and deadlines",
    summary:
      "Counts business days from a start date, like Excel's WORKDAY, on the agreements' calendar of weekdays less US federal holidays as observed (SEP 4(c)(i), SA 21(b)).",
    params: [
      param("start_date", "date", "The date counted from (a date)."),
      param("days", "number", "Business days to add; negative counts back, a fraction is dropped."),
      holidays,
    ],
    result: "date",
    returns: "The resulting date, as a date serial.",
    clauses: ["SA 21(b)", "SEP 4(c)(i)"],
    settings: ["extraHolidays"],
    run: ([start, days, h], { settings }) =>
      core.workdayFunction(num(start), num(days), withWorkbookHolidays(dates(h), settings)),
    native: (a, native, o) => native.workdayOver(a, o, 0, `TRUNC(${a.expr(1)})`, 2),
    // Friday 2004-07-02, then Monday 5 July is the observed Independence Day.
    examples: [{ args: [date("2004-07-02"), 1], shows: "2004-07-06", cell: date("2004-07-06") }],
  },
];

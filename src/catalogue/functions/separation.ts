/**
 * The separation agreement's functions (SEP): fees, termination payments, dates, options and the
 * split-dollar policy. Each entry is the whole definition of one BTU.* function.
 */
import * as core from "../../core";
import { longDate, termCount, termDate, termDollars, termPercent } from "../../core";
import type { KeywordChoice } from "../coerce";
import type { FunctionDefinition } from "../definition";
import { holidays, keyword, optional, param } from "../params";
import { WorkbookSettings, withWorkbookHolidays } from "../settings";
import { date, dates, kw, money, num, optMoney, optNum } from "./values";

const TYPE_CHOICES: readonly KeywordChoice[] = (
  Object.keys(core.SEP4) as core.TerminationType[]
).map((type) => ({
  value: type,
  help: `Ended ${core.SEP4[type].label} (${core.SEP4[type].clause.consulting}).`,
}));

const terminationType = (extra = "") =>
  keyword(
    "type",
    "TerminationType",
    TYPE_CHOICES,
    core.parseTerminationType,
    `How the period ends: ${TYPE_CHOICES.map((c) => `"${c.value}"`).join(", ")}, or the clause such as "4(c)"; any case.${extra}`
  );

const discountMethod = keyword(
  "method",
  "DiscountMethod",
  [
    {
      value: "simple",
      help: `${termPercent("sep.discount_rate")} times the remaining years (the literal reading).`,
    },
    { value: "pv", help: `Present value at ${termPercent("sep.discount_rate")} a year.` },
  ],
  core.parseDiscountMethod,
  `Discount used for "voluntary": "simple" (${termPercent("sep.discount_rate")} times the remaining years, the literal reading) or "pv" (present value at ${termPercent("sep.discount_rate")} a year); blank uses the workbook setting, else "${core.DEFAULT_DISCOUNT_METHOD}".`,
  { default: core.DEFAULT_DISCOUNT_METHOD }
);

/** The workbook's default discount method, read like a typed one; unset leaves the core's default. */
const workbookMethod = (settings: WorkbookSettings | undefined) =>
  settings?.discountMethod ? core.parseDiscountMethod(settings.discountMethod) : undefined;

const STREAM_CHOICES: readonly KeywordChoice[] = [
  {
    value: "consulting",
    help: `The Consulting Fee, ${termDollars("consulting.annual_fee")} a year.`,
  },
  { value: "chairman", help: `The Chairman Fee, ${termDollars("chairman.annual_fee")} a year.` },
  { value: "both", help: "Both fees, added before rounding." },
];

const stream = (help: string) =>
  keyword("stream", "FeeStream", STREAM_CHOICES, (text) => core.parseStream(text), help, {
    default: core.DEFAULT_STREAM,
  });
const streamHelp = `Which fee: "consulting" (${termDollars("consulting.annual_fee")} a year), "chairman" (${termDollars("chairman.annual_fee")} a year) or "both"; blank means "${core.DEFAULT_STREAM}".`;

/** The first termination date a notice-based type allows for a part, as a long date. */
const earliest = (type: core.TerminationType, part: core.Part) =>
  longDate(core.windowStart(core.SEP4[type], part).from);

const lumpHelp = (part: core.Part) =>
  `Termination date (a date such as DATE(2005,3,31)), no later than ${termDate("sep.fee_end")} and inside the window of the type: "board" and "voluntary" from ${earliest("board", part)}, "good_reason" before ${termDate(core.SEP4.good_reason.before![part])}.`;

const lump = (part: core.Part, name: string): FunctionDefinition => {
  const consulting = part === "consulting";
  const fee = consulting ? "Consulting Fee" : "Chairman Fee";
  return {
    name,
    group: "Fees and termination payments",
    summary: `Gives the ${fee} owed when the ${consulting ? "Consulting" : "Chairmanship"} Period ends early, by how it ends (SEP 4(a) to 4(h)), less the ${core.SEP4.voluntary.clause[part]} discount of ${termPercent("sep.discount_rate")} a year on a voluntary termination.`,
    params: [
      param("termination_date", "date", lumpHelp(part)),
      terminationType(consulting ? "" : ' "disability" pays no Chairman Fee.'),
      discountMethod,
    ],
    result: "money",
    returns: `The ${part} part of the termination payment, in dollars.`,
    clauses: [
      "SEP 4",
      "SEP 3(a)",
      "SEP 3(b)",
      ...new Set(Object.values(core.SEP4).map((rule) => rule.clause[part])),
    ],
    settings: ["discountMethod"],
    run: ([t, type, method], { settings }) =>
      (consulting ? core.consultingLump : core.chairmanLump)(
        num(t),
        kw<core.TerminationType>(type)!,
        kw<core.DiscountMethod>(method) ?? workbookMethod(settings)
      ),
    native: (a, native, o) => native.lump(part, a, o.settings),
    examples: consulting
      ? [
          { args: [date("2005-03-31"), "board"], shows: "458860.27", cell: 458860.27 },
          { args: [date("2005-03-31"), "voluntary"], shows: "427896.63", cell: 427896.63 },
          { args: [date("2006-06-30"), "voluntary"], shows: "197880.00", cell: 197880 },
          { args: [date("2006-06-30"), "voluntary", "pv"], shows: "201006.35", cell: 201006.35 },
          { args: [date("2003-05-15"), "death"], shows: "816000.00", cell: 816000 },
          {
            args: [date("2003-06-30"), "death"],
            shows: "#N/A (gap in 4(g))",
            cell: { error: "#N/A" },
          },
        ]
      : [{ args: [date("2004-06-30"), "good_reason"], shows: "300000.00", cell: 300000 }],
  };
};

export const SEPARATION: readonly FunctionDefinition[] = [
  lump("consulting", "CONSULTING_LUMP"),
  lump("chairman", "CHAIRMAN_LUMP"),
  {
    name: "REMAINING_FEES",
    group: "Fees and termination payments",
    summary: `Gives the fees still to accrue after a date through ${termDate("sep.fee_end")}, undiscounted, at the annual rates of SEP 3(a) spread over the contract years of SEP 3(b).`,
    params: [
      param(
        "date",
        "date",
        `The last day already earned (a date); a date before ${termDate("sep.fee_start")} leaves all four years, a date after ${termDate("sep.fee_end")} is #VALUE!.`
      ),
      stream(streamHelp),
    ],
    result: "money",
    returns: "Remaining fees in dollars.",
    clauses: ["SEP 3(a)", "SEP 3(b)"],
    run: ([d, s]) => core.remainingFees(num(d), kw<core.Stream>(s)),
    native: (a, native) =>
      native.cents(
        `${native.annual(a.keyword<core.Stream>(1))}*${native.remainingYears(a.date(0))}`
      ),
    // (204,000 + 204,000 + 204,000) for the three contract years after 2004-06-30.
    examples: [{ args: [date("2004-06-30")], shows: "612000.00", cell: 612000 }],
  },
  {
    name: "FEES_EARNED",
    group: "Fees and termination payments",
    summary:
      "Gives the fees accrued on the days from one date to another, both included, at each contract year's daily rate (SEP 3(a), SEP 3(b)).",
    params: [
      param(
        "from_date",
        "date",
        `First day counted (a date); days before ${termDate("sep.fee_start")} earn nothing.`
      ),
      param(
        "to_date",
        "date",
        `Last day counted (a date), on or after from_date; days after ${termDate("sep.fee_end")} earn nothing.`
      ),
      stream(
        `Which fee: "consulting", "chairman" or "both" (added before rounding); blank means "${core.DEFAULT_STREAM}".`
      ),
    ],
    result: "money",
    returns: "Fees earned in dollars.",
    clauses: ["SEP 3(a)", "SEP 3(b)"],
    run: ([from, to, s]) => core.feesEarned(num(from), num(to), kw<core.Stream>(s)),
    native: (a, native) =>
      native.cents(
        `${native.annual(a.keyword<core.Stream>(2))}*${native.yearsBetween(a.date(0), a.date(1))}`
      ),
    examples: [
      {
        args: [date("2003-07-01"), date("2003-12-31"), "both"],
        shows: "152830.60",
        cell: 152830.6,
      },
    ],
  },
  {
    name: "FEE_SCHEDULE",
    group: "Fees and termination payments",
    summary: `Lists the bi-weekly fee payments of SEP 3(a) as a spilled table of pay date and amount: ${termCount("sep.pay_period_days")}-day periods from ${termDate("sep.fee_start")}, the last cut at ${termDate("sep.fee_end")}.`,
    params: [
      stream(
        `Which fee: "consulting", "chairman" or "both"; blank means "${core.DEFAULT_STREAM}".`
      ),
      optional(
        "from_date",
        "date",
        `Keep the payments made on or after this date; blank keeps them from the first (${longDate(core.payDates()[0])}).`
      ),
      optional(
        "to_date",
        "date",
        `Keep the payments made on or before this date; blank keeps them to the last (${longDate(core.payDates()[core.payDates().length - 1])}).`
      ),
    ],
    result: "rows",
    returns: `Rows of pay date and amount in dollars, no header (${core.payDates().length} rows unfiltered).`,
    spill: {
      columns: [
        { heading: "Pay date", kind: "date" },
        { heading: "Amount", kind: "money" },
      ],
      maxRows: core.payDates().length,
    },
    clauses: ["SEP 3(a)", "SEP 3(b)"],
    run: ([s, from, to]) => core.feeSchedule(kw<core.Stream>(s), optNum(from), optNum(to)),
    native: (a, native, o) => native.feeScheduleParts(a, o),
    examples: [
      {
        args: ["consulting"],
        shows: "105 rows; first 2003-07-14 7803.28; last 2007-06-30 2794.52; total 816000.00",
      },
    ],
  },
  {
    name: "TERMINATION_DATE",
    group: "Dates and deadlines",
    summary: `Gives the date a termination takes effect: the notice date plus ${termCount("sep.notice_months")} months for "board" and "voluntary" (SEP 4(b), SEP 4(c)), the notice date itself for every other type.`,
    params: [
      param(
        "notice_date",
        "date",
        `Date the written notice is given (a date); for "board" and "voluntary" it must fall in the notice window (consulting from ${termDate("sep.board_consulting_notice_from")}, chairman from ${termDate("sep.board_chairman_notice_from")}).`
      ),
      terminationType(),
      stream(
        `Period ended: "consulting", "chairman" or "both" (both windows apply); blank means "${core.DEFAULT_STREAM}".`
      ),
    ],
    result: "date",
    returns: "The termination date, as a date serial.",
    clauses: ["SEP 4(b)(i)", "SEP 4(b)(ii)", "SEP 4(c)(i)", "SEP 4(c)(ii)"],
    run: ([notice, type, s]) =>
      core.terminationDate(num(notice), kw<core.TerminationType>(type)!, kw<core.Stream>(s)),
    native: (a, native) => {
      const type = a.keyword<core.TerminationType>(1);
      return core.SEP4[type].takesEffect.on === "notice months"
        ? `EDATE(${a.date(0)},${native.num("sep.notice_months")})`
        : a.date(0);
    },
    // Notice on the first day of the window, plus three calendar months.
    examples: [
      { args: [date("2004-07-01"), "board"], shows: "2004-10-01", cell: date("2004-10-01") },
    ],
  },
  {
    name: "CONTRACT_YEAR",
    group: "Dates and deadlines",
    summary: `Gives the contract year (1 to 4) that a date falls in; under SEP 3(b) contract years run from 1 July to 30 June, starting ${termDate("sep.fee_start")}.`,
    params: [
      param(
        "date",
        "date",
        `A date from ${termDate("sep.fee_start")} to ${termDate("sep.fee_end")}; other dates are #VALUE!.`
      ),
    ],
    result: "number",
    returns: "1, 2, 3 or 4.",
    clauses: ["SEP 3(b)"],
    run: ([d]) => core.contractYear(num(d)),
    native: (a, native) => native.contractYearFormula(a.date(0)),
    examples: [
      {
        args: [date("2004-07-01")],
        shows: "2 (the second contract year begins on 1 July 2004)",
        cell: 2,
      },
    ],
  },
  {
    name: "OPTION_EXPIRY",
    group: "Options and benefits",
    summary:
      "Gives the last day a stock option tranche can be exercised after a termination, under SEP 3(c)(iv)(A).",
    params: [
      param("termination_date", "date", "Termination date (a date)."),
      terminationType(),
      optional(
        "vest_date",
        "date",
        "Vesting date of the tranche; blank, or a date on or before the termination date, means vested at termination."
      ),
    ],
    result: "date",
    returns: "The last exercise date, as a date serial; #N/A where the tranche is forfeited.",
    clauses: ["SEP 3(c)(iv)(A)"],
    run: ([t, type, vest]) =>
      core.optionExpiry(num(t), kw<core.TerminationType>(type)!, optNum(vest)),
    native: (a, native) => native.optionExpiryFormula(a),
    // Board termination on 2005-03-31 with the tranche vested: one year from termination.
    examples: [
      { args: [date("2005-03-31"), "board"], shows: "2006-03-31", cell: date("2006-03-31") },
    ],
  },
  {
    name: "ELECTION_DEADLINE",
    group: "Dates and deadlines",
    summary: `Gives the last day to choose cash or shares for a lump sum under SEP 4(c)(i): ${termCount("sep.election_business_days")} business days after the Board's notification.`,
    params: [
      param("notification_date", "date", "Date of the Board's notification (a date)."),
      holidays,
    ],
    result: "date",
    returns: "The deadline, as a date serial.",
    clauses: ["SEP 4(c)(i)"],
    settings: ["extraHolidays"],
    run: ([d, h], { settings }) =>
      core.electionDeadline(num(d), withWorkbookHolidays(dates(h), settings)),
    native: (a, native, o) =>
      native.workdayOver(a, o, 0, native.num("sep.election_business_days"), 1),
    examples: [
      { args: [date("2004-12-20")], shows: "2005-01-21 (serial 38373)", cell: date("2005-01-21") },
    ],
  },
  {
    name: "SHARE_TRANSFER_DEADLINE",
    group: "Dates and deadlines",
    summary: `Gives the last day to transfer the shares after an election of shares under SEP 4(c)(i): ${termCount("sep.share_transfer_business_days")} business days after the election.`,
    params: [param("election_date", "date", "Date of the election (a date)."), holidays],
    result: "date",
    returns: "The deadline, as a date serial.",
    clauses: ["SEP 4(c)(i)"],
    settings: ["extraHolidays"],
    run: ([d, h], { settings }) =>
      core.shareTransferDeadline(num(d), withWorkbookHolidays(dates(h), settings)),
    native: (a, native, o) =>
      native.workdayOver(a, o, 0, native.num("sep.share_transfer_business_days"), 1),
    // Ten weekdays after Friday 2005-01-21, with no federal holiday between: Friday 2005-02-04.
    examples: [{ args: [date("2005-01-21")], shows: "2005-02-04", cell: date("2005-02-04") }],
  },
  {
    name: "DURESS_SHARES",
    group: "Options and benefits",
    summary:
      "Counts the whole shares delivered when a lump sum is taken in stock under SEP 4(c)(i)(B): amount times portion divided by the share price, rounded down.",
    params: [
      param(
        "amount",
        "money",
        "The lump sum in dollars, zero or more (for example a BTU.CONSULTING_LUMP result); a range is summed."
      ),
      param(
        "fair_market_value",
        "price",
        "Fair market value of one share in dollars, more than zero."
      ),
      optional(
        "portion",
        "fraction",
        "Fraction of the lump sum taken in shares, from 0 to 1; blank means 1 (all of it)."
      ),
    ],
    result: "number",
    returns: "Number of whole shares.",
    clauses: ["SEP 4(c)(i)"],
    run: ([amount, price, portion]) =>
      core.duressShares(money(amount), num(price), optNum(portion)),
    // Rounding the quotient to 9 places first keeps binary fractions (0.3/0.1) from losing a whole share.
    native: (a) => `INT(ROUND(${a.sum(0)}*${a.has(2) ? a.expr(2) : "1"}/${a.expr(1)},9))`,
    // 458,860.27 ÷ 3.17 = 144,750.87…, rounded down.
    examples: [{ args: [458860.27, 3.17], shows: "144750 (cash left $2.77)", cell: 144750 }],
  },
  {
    name: "SPLIT_DOLLAR_COMPANY_INTEREST",
    group: "Options and benefits",
    summary: `Gives the Company Interest in the split-dollar life policy under SEP 3(c)(iii): ${termDollars("sep.split_dollar_company_interest_2003")} scaled by today's cash value over the cash value on ${termDate("sep.split_dollar_valuation_date")}, leaving out growth paid for by the executive.`,
    params: [
      param(
        "cash_value",
        "money",
        "Cash value of the policy now, in dollars, zero or more; a range is summed."
      ),
      param(
        "cash_value_2003",
        "money",
        `Cash value of the policy on ${termDate("sep.split_dollar_valuation_date")}, in dollars, more than zero; a range is summed.`
      ),
      optional(
        "insured_increase",
        "money",
        "Part of the increase shown to come solely from the executive's own premium payments, in dollars (a range is summed); blank means 0."
      ),
    ],
    result: "money",
    returns: "The Company Interest in dollars.",
    clauses: ["SEP 3(c)(iii)(A)", "SEP 3(c)(iii)(B)"],
    run: ([cv, cv2003, increase]) =>
      core.splitDollarCompanyInterest(money(cv), money(cv2003), optMoney(increase)),
    native: (a, native) =>
      native.cents(
        `${native.num("sep.split_dollar_company_interest_2003")}/${a.sum(1)}*(${a.sum(0)}${a.has(2) ? `-${a.sum(2)}` : ""})`
      ),
    // 232,000 × (400,000 − 20,000) ÷ 290,000.
    examples: [{ args: [400000, 290000, 20000], shows: "304000.00", cell: 304000 }],
  },
  {
    name: "SPLIT_DOLLAR_BUYOUT",
    group: "Options and benefits",
    summary: `Gives the price to buy out the Company Interest in the split-dollar policy under SEP 3(c)(iii)(B): the interest discounted at ${termPercent("sep.split_dollar_discount_rate")} a year over the executive's remaining life expectancy.`,
    params: [
      param(
        "company_interest",
        "money",
        "The Company Interest in dollars, zero or more (for example a BTU.SPLIT_DOLLAR_COMPANY_INTEREST result); a range is summed."
      ),
      param(
        "life_expectancy_years",
        "number",
        "Remaining life expectancy in years, zero or more; fractions are allowed."
      ),
      keyword(
        "method",
        "BuyoutMethod",
        [
          {
            value: "compound",
            help: `Divide by (1 + ${termPercent("sep.split_dollar_discount_rate")}) to the power of the years.`,
          },
          {
            value: "simple",
            help: `Times 1 minus ${termPercent("sep.split_dollar_discount_rate")} per year.`,
          },
        ],
        core.parseBuyoutMethod,
        `"compound" (divide by 1 plus ${termPercent("sep.split_dollar_discount_rate")} to the power of the years) or "simple" (times 1 minus ${termPercent("sep.split_dollar_discount_rate")} per year, #VALUE! past the years at which it reaches zero); blank means "${core.DEFAULT_BUYOUT_METHOD}".`,
        { default: core.DEFAULT_BUYOUT_METHOD }
      ),
    ],
    result: "money",
    returns: "The buy-out price in dollars.",
    clauses: ["SEP 3(c)(iii)(B)"],
    run: ([ci, years, method]) =>
      core.splitDollarBuyout(money(ci), num(years), kw<core.BuyoutMethod>(method)),
    native: (a, native) => {
      const method = a.keyword<core.BuyoutMethod>(2);
      const rate = native.num("sep.split_dollar_discount_rate");
      return method === "compound"
        ? native.cents(`${a.sum(0)}/(1+${rate})^${a.expr(1)}`)
        : native.cents(`${a.sum(0)}*(1-${rate}*${a.expr(1)})`);
    },
    // 304,000 ÷ 1.03^10 = 304,000 ÷ 1.343916379… = 226,204.55.
    examples: [{ args: [304000, 10], shows: "226204.55", cell: 226204.55 }],
  },
  {
    name: "DISABILITY_NOTICE_DATE",
    group: "Dates and deadlines",
    summary: `Gives the first day the Company may give notice ending the Consulting Period for disability under SEP 4(h): ${termCount("sep.disability_days")} days after the first day of disability.`,
    params: [
      param("first_day_disabled", "date", "First day of the continuous disability (a date)."),
    ],
    result: "date",
    returns: "The first permitted notice date, as a date serial.",
    clauses: ["SEP 4(h)"],
    run: ([first]) => core.disabilityNoticeDate(num(first)),
    native: (a, native) => `${a.date(0)}+${native.num("sep.disability_days")}`,
    // 2005-01-01 + 120 days: 31 + 28 + 31 + 30 = 120 lands on 2005-05-01.
    examples: [{ args: [date("2005-01-01")], shows: "2005-05-01", cell: date("2005-05-01") }],
  },
  {
    name: "CHANGE_OF_CONTROL",
    group: "Options and benefits",
    summary: `Tests for a Change of Control under SEP 7(b): TRUE when a person or group acquires more than ${termPercent("sep.change_of_control_threshold")} of the combined voting power.`,
    params: [
      param(
        "voting_power_fraction",
        "fraction",
        "Share of the combined voting power acquired, as a fraction from 0 to 1 (0.51, or 51%)."
      ),
    ],
    result: "boolean",
    returns: "TRUE for a Change of Control, FALSE otherwise.",
    clauses: ["SEP 7(b)", "SEP 4(e)"],
    run: ([fraction]) => core.changeOfControl(num(fraction)),
    native: (a, native) => `${a.expr(0)}>${native.num("sep.change_of_control_threshold")}`,
    // Exactly half is not "more than 50%".
    examples: [{ args: [0.5], shows: "FALSE", cell: false }],
  },
];

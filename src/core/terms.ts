/**
 * Every contract figure, once, with the clause it comes from and, where the First Amendment changed
 * it, its dated history. Calculations read figures only from here (a test enforces it).
 */
import { Decimal, formatMoney } from "./decimal";
import { Exact } from "./exact";
import { Serial, isoToSerial, serialToIso } from "./dates";
import { invalid, noAnswer } from "./outcome";

export type TermUnit =
  | "usd"
  | "rate"
  | "date"
  | "days"
  | "business days"
  | "months"
  | "hours"
  | "ratio"
  | "year"
  | "shares";

/** One version of a figure: in force from `from` (ISO date) on; `null` value = not stated in these documents. */
export interface TermVersion {
  from: string | null;
  value: number | string | null;
  note?: string;
}

export interface Term {
  id: string;
  clause: string;
  unit: TermUnit;
  description: string;
  history: TermVersion[];
}

const AMENDMENT = "2004-01-28";
const NOT_RECITED =
  "The First Amendment replaces this figure without reciting the original; the original Loan Agreement is not among these documents.";
const ADDED = "The First Amendment adds this covenant: it is not in force before the amendment.";

function fixed(
  id: string,
  clause: string,
  unit: TermUnit,
  value: number | string,
  description: string
): Term {
  return { id, clause, unit, description, history: [{ from: null, value }] };
}

function amended(
  id: string,
  clause: string,
  unit: TermUnit,
  before: number | string | null,
  after: number | string,
  description: string
): Term {
  return {
    id,
    clause,
    unit,
    description,
    history: [
      before === null
        ? { from: null, value: null, note: NOT_RECITED }
        : { from: null, value: before },
      { from: AMENDMENT, value: after },
    ],
  };
}

/** A term the First Amendment adds: no value before it. */
function added(
  id: string,
  clause: string,
  unit: TermUnit,
  value: number | string,
  description: string
): Term {
  return {
    id,
    clause,
    unit,
    description,
    history: [
      { from: null, value: null, note: ADDED },
      { from: AMENDMENT, value },
    ],
  };
}

export const TERMS: readonly Term[] = [
  // Separation agreement, 7 February 2003.
  fixed("sep.agreement_date", "SEP preamble", "date", "2003-02-07", "Date of the letter agreement"),
  fixed(
    "sep.key_man_premiums_until",
    "SEP 3(c)(vi)",
    "date",
    "2003-06-30",
    "The Company pays the Key Man Policy premiums through this date"
  ),
  fixed(
    "sep.good_reason_transition_before",
    "SEP 4(d)",
    "date",
    "2003-06-30",
    "Good Reason may end the Transition Period only before this date"
  ),
  fixed(
    "sep.separation_date",
    "SEP preamble",
    "date",
    "2003-06-30",
    "Separation Date: employment ends, Consulting Period begins"
  ),
  fixed(
    "sep.grant_date",
    "SEP 2(a)",
    "date",
    "2002-12-17",
    "Date the Compensation Committee granted the unrestricted stock and the December 17, 2002 Options"
  ),
  fixed(
    "sep.stock_grant_shares",
    "SEP 2(a)",
    "shares",
    75000,
    "Shares of unrestricted common stock granted"
  ),
  fixed(
    "sep.option_grant_shares",
    "SEP 2(b)",
    "shares",
    50000,
    "Shares under the December 17, 2002 Options"
  ),
  fixed(
    "sep.option_exercise_price",
    "SEP 2(b)",
    "usd",
    1.86,
    "Exercise price per share of the December 17, 2002 Options"
  ),
  fixed("sep.bonus", "SEP 2(c)", "usd", 100000, "One lump-sum bonus payment"),
  fixed(
    "consulting.annual_fee",
    "SEP 3(a)",
    "usd",
    204000,
    "Consulting Fee per year, payable bi-weekly"
  ),
  fixed(
    "chairman.annual_fee",
    "SEP 3(a)",
    "usd",
    100000,
    "Chairman Fee per year, payable bi-weekly"
  ),
  fixed(
    "sep.fee_start",
    "SEP 3(a)",
    "date",
    "2003-07-01",
    "First day of fee accrual (Chairman Fee 'from July 1, 2003'; salary runs through the Separation Date)"
  ),
  fixed(
    "sep.fee_end",
    "SEP 3",
    "date",
    "2007-06-30",
    "Last day of the Consulting and Chairmanship Periods"
  ),
  fixed(
    "sep.contract_year_months",
    "SEP 3(b)",
    "months",
    12,
    "A contract year runs July 1 through June 30"
  ),
  fixed("sep.pay_period_days", "SEP 3(a)", "days", 14, "Bi-weekly payment period"),
  fixed(
    "sep.consulting_hours",
    "SEP 3(b)",
    "hours",
    600,
    "Consulting hours available per contract year"
  ),
  fixed(
    "sep.office_until",
    "SEP 3(c)(v)",
    "date",
    "2004-06-30",
    "Last day of the present office and executive assistant"
  ),
  fixed(
    "sep.cause_cure_days",
    "SEP 4(a)(i)",
    "days",
    30,
    "Days a curable material breach may remain uncured after the Company's written notice before it is Cause"
  ),
  fixed(
    "sep.good_reason_cure_days",
    "SEP 4(d)",
    "days",
    10,
    "Days the Company has to cure a material failure to pay after the Executive's written notice (4(d)(i))"
  ),
  fixed(
    "sep.notice_months",
    "SEP 4(b)(i)",
    "months",
    3,
    "Three months' prior written notice (4(b)(i), 4(b)(ii), 4(c)(i), 4(c)(ii))"
  ),
  fixed(
    "sep.board_consulting_notice_from",
    "SEP 4(b)(i)",
    "date",
    "2004-07-01",
    "Board may give notice to end the Consulting Period from this date"
  ),
  fixed(
    "sep.board_chairman_notice_from",
    "SEP 4(b)(ii)",
    "date",
    "2005-07-01",
    "Board may give notice to end the Chairmanship Period from this date"
  ),
  fixed(
    "sep.voluntary_consulting_notice_from",
    "SEP 4(c)(i)",
    "date",
    "2004-07-01",
    "Executive may give notice to end the Consulting Period from this date"
  ),
  fixed(
    "sep.voluntary_chairman_notice_from",
    "SEP 4(c)(ii)",
    "date",
    "2005-07-01",
    "Executive may give notice to end the Chairmanship Period from this date"
  ),
  fixed(
    "sep.discount_rate",
    "SEP 4(c)(i)",
    "rate",
    0.03,
    "Discount per year of remaining payments on a voluntary termination (also 4(c)(ii))"
  ),
  fixed(
    "sep.pv_day_count",
    "SEP 4(c)(i)",
    "days",
    365,
    "Days per year when discounting day by day (the present-value reading of TERMS.md)"
  ),
  fixed(
    "sep.election_business_days",
    "SEP 4(c)(i)",
    "business days",
    21,
    "Time to choose 4(c)(i)(A) or (B) after the Board's duress notification"
  ),
  fixed(
    "sep.share_transfer_business_days",
    "SEP 4(c)(i)",
    "business days",
    10,
    "Time to transfer duress shares after the election"
  ),
  fixed(
    "sep.good_reason_consulting_before",
    "SEP 4(d)",
    "date",
    "2004-07-01",
    "Good Reason may end the Consulting Period only before this date"
  ),
  fixed(
    "sep.good_reason_chairman_before",
    "SEP 4(d)",
    "date",
    "2005-07-01",
    "Good Reason may end the Chairmanship Period only before this date"
  ),
  fixed(
    "sep.death_pivot_date",
    "SEP 4(g)",
    "date",
    "2003-06-30",
    "Death before this date pays the remainder; after it, only earned but unpaid fees"
  ),
  fixed(
    "sep.disability_days",
    "SEP 4(h)",
    "days",
    120,
    "Consecutive days of disability before the Company may terminate"
  ),
  fixed(
    "sep.disability_window_days",
    "SEP 4(h)",
    "days",
    365,
    "The period of days within which the consecutive days of disability are counted"
  ),
  fixed(
    "sep.disability_share",
    "SEP 4(h)",
    "rate",
    0.6,
    "Share of the Consulting Fees that continues after a disability termination"
  ),
  fixed(
    "sep.option_exercise_months",
    "SEP 3(c)(iv)(A)",
    "months",
    12,
    "Options remain exercisable for one year from termination"
  ),
  fixed(
    "sep.option_post_vest_days",
    "SEP 3(c)(iv)(A)",
    "days",
    90,
    "Options vesting after termination are exercisable for 90 days from vesting"
  ),
  fixed(
    "sep.option_forfeit_exercise_days",
    "SEP 3(c)(iv)(A)",
    "days",
    90,
    "After 4(a) or 4(c), vested options are exercisable for 90 days"
  ),
  fixed(
    "sep.split_dollar_company_interest_2003",
    "SEP 3(c)(iii)(B)",
    "usd",
    232000,
    "Company Interest in the split-dollar policy as of January 1, 2003"
  ),
  fixed(
    "sep.split_dollar_valuation_date",
    "SEP 3(c)(iii)(B)",
    "date",
    "2003-01-01",
    "Date of the $232,000 Company Interest"
  ),
  fixed(
    "sep.split_dollar_discount_rate",
    "SEP 3(c)(iii)(B)",
    "rate",
    0.03,
    "Discount rate over the remaining life expectancy for the buy-out"
  ),
  fixed(
    "sep.change_of_control_threshold",
    "SEP 7(b)",
    "rate",
    0.5,
    "Change of Control: more than 50% of the combined voting power"
  ),

  // Loan documents with Sovereign Bank, 28 January 2004.
  fixed(
    "loan.amendment_date",
    "FA recitals",
    "date",
    AMENDMENT,
    "Date of the First Amendment and the Loan Modification Agreement"
  ),
  fixed(
    "loan.commitment",
    "LMA I.A",
    "usd",
    14000000,
    "Revolving Credit (also recited in the First Amendment's recitals)"
  ),
  amended(
    "loan.receivables_rate",
    "FA 1(b)",
    "rate",
    null,
    0.8,
    "Advance rate on Eligible Receivables"
  ),
  amended(
    "loan.inventory_rate",
    "FA 1(b)",
    "rate",
    null,
    0.35,
    "Advance rate on Eligible Inventory"
  ),
  amended("loan.inventory_cap", "FA 1(b)", "usd", null, 3500000, "Cap on Inventory advances"),
  amended(
    "loan.termination_date",
    "FA 1(a)",
    "date",
    "2006-05-31",
    "2007-05-31",
    "Termination Date of the Revolving Credit (also ALLONGE 1)"
  ),
  amended(
    "loan.tnw_base",
    "FA 1(h)-tnw",
    "usd",
    20000000,
    10000000,
    "Minimum Tangible Net Worth before income step-ups"
  ),
  amended(
    "loan.tnw_first_year_end",
    "FA 1(h)-tnw",
    "date",
    "2002-12-31",
    "2004-12-31",
    "Year end of the first fiscal year whose income steps the minimum up"
  ),
  fixed(
    "loan.tnw_income_share",
    "FA 1(h)-tnw",
    "rate",
    0.5,
    "Share of after-tax income added to the minimum"
  ),
  added(
    "loan.min_quarterly_net_income",
    "FA 1(i)",
    "usd",
    1,
    "Minimum net income for each fiscal quarter"
  ),
  added(
    "loan.net_income_test_from",
    "FA 1(i)",
    "date",
    "2004-12-31",
    "First fiscal quarter end tested for minimum net income"
  ),
  amended("loan.leverage_max", "FA 1(j)", "ratio", 0.75, 2, "Maximum Leverage Ratio (to 1.0)"),
  fixed(
    "loan.cross_default_threshold",
    "FA 1(g)",
    "usd",
    50000,
    "Other indebtedness unpaid above this amount is an Event of Default"
  ),
  fixed(
    "loan.overadvance_cure_days",
    "SA 13(h)",
    "days",
    30,
    "Days to cure an over-advance after the Bank's notice"
  ),
  fixed(
    "loan.insurance_cancellation_notice_days",
    "SA 13(b)",
    "days",
    10,
    "Days' prior written notice to the Bank before an insurance policy is cancelled"
  ),
  fixed(
    "loan.records_move_notice_days",
    "SA 13(e)(ii)",
    "days",
    30,
    "Days' prior written notice before moving the records of the Collateral"
  ),
  fixed(
    "loan.office_move_notice_days",
    "SA 13(e)(iii)",
    "days",
    30,
    "Days' prior written notice before moving the chief executive office"
  ),
  fixed(
    "loan.sale_notice_days",
    "SA 15",
    "days",
    10,
    "Days' written notice to the Borrower of a sale or other disposition of Collateral after an Event of Default"
  ),
  fixed(
    "loan.courier_business_days",
    "SA 21(b)",
    "business days",
    1,
    "A courier notice is effective the Business Day after deposit"
  ),
  fixed(
    "loan.original_agreement_date",
    "FA recitals",
    "date",
    "2002-06-26",
    "Date of the Original Loan Agreement"
  ),
  fixed("loan.transaction_fee", "LMA II.A", "usd", 20000, "One-time transaction fee"),
  fixed(
    "loan.cost_debit_days",
    "LMA III.F",
    "days",
    10,
    "Costs unpaid after this many days may be debited"
  ),
];

const BY_ID = new Map(TERMS.map((term) => [term.id, term]));

export function findTerm(id: string): Term | undefined {
  return BY_ID.get(id.trim().toLowerCase());
}

function requireTerm(id: string): Term {
  const term = findTerm(id);
  if (!term)
    invalid(
      "BTU.TERM",
      `there is no term "${id}". Known ids include ${TERMS.slice(0, 4)
        .map((t) => t.id)
        .join(", ")} … (see the Terms list).`
    );
  return term;
}

/** The version of a term in force on `asOf` (omitted: the latest, i.e. the amended terms). */
/** The version in force today of each id as the code spells it: read on every calculation. */
const latest = new Map<string, TermVersion>();

export function termVersion(id: string, asOf?: Serial): TermVersion {
  if (asOf === undefined) {
    const known = latest.get(id);
    if (known) return known;
  }
  const term = requireTerm(id);
  let current = term.history[term.history.length - 1];
  if (asOf !== undefined) {
    current =
      term.history.filter((v) => v.from === null || isoToSerial(v.from) <= asOf).pop() ??
      term.history[0];
  }
  if (current.value === null) {
    const absence = current.note === ADDED ? "is not in force" : "is not stated in these documents";
    noAnswer(
      term.clause,
      `${term.description} before ${AMENDMENT} ${absence} (${current.note}) Use an as-of date on or after ${AMENDMENT}.`
    );
  }
  if (asOf === undefined) latest.set(id, current);
  return current;
}

// Versions never change, so their parsed forms are kept: terms are read on every calculation.
const serials = new WeakMap<TermVersion, number>();
const decimals = new WeakMap<TermVersion, Decimal>();

/** A figure as a number; dates come back as Excel serials. */
export function termNumber(id: string, asOf?: Serial): number {
  const version = termVersion(id, asOf);
  if (typeof version.value !== "string") return version.value as number;
  let serial = serials.get(version);
  if (serial === undefined) serials.set(version, (serial = isoToSerial(version.value)));
  return serial;
}

/** A money or rate figure as an exact decimal (from its written form, never through a float). */
export function termDecimal(id: string, asOf?: Serial): Decimal {
  const version = termVersion(id, asOf);
  let decimal = decimals.get(version);
  if (!decimal) decimals.set(version, (decimal = new Decimal(String(version.value))));
  return decimal;
}

const exacts = new WeakMap<TermVersion, Exact>();

/** A money or rate figure as an exact fraction for the fast path (0.35 is 7 / 20). */
export function termExact(id: string, asOf?: Serial): Exact {
  const version = termVersion(id, asOf);
  let exact = exacts.get(version);
  if (!exact) exacts.set(version, (exact = Exact.parse(String(version.value))));
  return exact;
}

/** A date term as ISO text, for explanations that name it. */
export function termIso(id: string, asOf?: Serial): string {
  return serialToIso(termNumber(id, asOf));
}

/** A money term as "$14,000,000.00", for explanations that name it. */
export function termMoney(id: string, asOf?: Serial): string {
  return formatMoney(termDecimal(id, asOf));
}

export function termClause(id: string): string {
  return requireTerm(id).clause;
}

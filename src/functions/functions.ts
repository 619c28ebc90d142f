/**
 * The BTU.* custom functions of Excel, one per entry of the catalogue in TERMS.md, in its order.
 *
 * custom-functions-metadata reads the JSDoc below into functions.json, which is what Excel shows in
 * its formula tooltips and what the function reference page is generated from: keep descriptions in
 * the words of a finance user. Each body only hands Excel's raw arguments to the catalogue, which
 * coerces them (serial dates, blanks, ranges) and calls the core; dates are serial numbers, ranges
 * arrive as 2-D arrays, and an omitted optional argument arrives as null. Ranges are typed any[][]
 * so that a text cell in an amount range reaches the catalogue and gets a message naming the clause.
 * Return types are given in JSDoc only: a body may also return a CustomFunctions.Error.
 */
import { call, callWithClauses } from "./invoke";

/**
 * Consulting Fee owed when the Consulting Period ends early, by how it ends (SEP 4(a) to 4(h)), less the SEP 4(c)(i) discount of 3% a year on a voluntary termination.
 * @customfunction CONSULTING_LUMP
 * @helpurl https://localhost:3000/help/functions.html#consulting_lump
 * @param termination_date Termination date (a date such as DATE(2005,3,31)), no later than 30 June 2007 and inside the window of the type: "board" and "voluntary" from 1 October 2004, "good_reason" before 1 July 2004.
 * @param type How the period ends: "cause", "board", "voluntary", "good_reason", "change_of_control", "not_elected", "death" or "disability", or the clause such as "4(c)"; any case.
 * @param [method] Discount used for "voluntary": "simple" (3% times the remaining years, the literal reading) or "pv" (present value at 3% a year); blank uses the workbook setting, else "simple".
 * @returns {number} The consulting part of the termination payment, in dollars.
 */
export function consultingLump(termination_date: number, type: string, method?: string) {
  return call("CONSULTING_LUMP", [termination_date, type, method]);
}

/**
 * Chairman Fee owed when the Chairmanship Period ends early, by how it ends (SEP 4(a) to 4(h)), less the SEP 4(c)(ii) discount of 3% a year on a voluntary termination.
 * @customfunction CHAIRMAN_LUMP
 * @helpurl https://localhost:3000/help/functions.html#chairman_lump
 * @param termination_date Termination date (a date), no later than 30 June 2007 and inside the window of the type: "board" and "voluntary" from 1 October 2005, "good_reason" before 1 July 2005.
 * @param type How the period ends: "cause", "board", "voluntary", "good_reason", "change_of_control", "not_elected", "death" or "disability", or the clause such as "4(c)"; any case. "disability" pays no Chairman Fee.
 * @param [method] Discount used for "voluntary": "simple" (3% times the remaining years) or "pv" (present value at 3% a year); blank uses the workbook setting, else "simple".
 * @returns {number} The chairman part of the termination payment, in dollars.
 */
export function chairmanLump(termination_date: number, type: string, method?: string) {
  return call("CHAIRMAN_LUMP", [termination_date, type, method]);
}

/**
 * Fees still to accrue after a date through 30 June 2007, undiscounted, at the annual rates of SEP 3(a) spread over the contract years of SEP 3(b).
 * @customfunction REMAINING_FEES
 * @helpurl https://localhost:3000/help/functions.html#remaining_fees
 * @param date The last day already earned (a date); a date before 1 July 2003 leaves all four years, a date after 30 June 2007 is #VALUE!.
 * @param [stream] Which fee: "consulting" ($204,000 a year), "chairman" ($100,000 a year) or "both"; blank means "consulting".
 * @returns {number} Remaining fees in dollars.
 */
export function remainingFees(date: number, stream?: string) {
  return call("REMAINING_FEES", [date, stream]);
}

/**
 * Fees accrued on the days from one date to another, both included, at each contract year's daily rate (SEP 3(a), SEP 3(b)).
 * @customfunction FEES_EARNED
 * @helpurl https://localhost:3000/help/functions.html#fees_earned
 * @param from_date First day counted (a date); days before 1 July 2003 earn nothing.
 * @param to_date Last day counted (a date), on or after from_date; days after 30 June 2007 earn nothing.
 * @param [stream] Which fee: "consulting", "chairman" or "both" (added before rounding); blank means "consulting".
 * @returns {number} Fees earned in dollars.
 */
export function feesEarned(from_date: number, to_date: number, stream?: string) {
  return call("FEES_EARNED", [from_date, to_date, stream]);
}

/**
 * The bi-weekly fee payments of SEP 3(a) as a spilled table of pay date and amount: 14-day periods from 1 July 2003, the last cut at 30 June 2007.
 * @customfunction FEE_SCHEDULE
 * @helpurl https://localhost:3000/help/functions.html#fee_schedule
 * @param [stream] Which fee: "consulting", "chairman" or "both"; blank means "consulting".
 * @param [from_date] Keep the payments made on or after this date; blank keeps them from the first (14 July 2003).
 * @param [to_date] Keep the payments made on or before this date; blank keeps them to the last (30 June 2007).
 * @returns {number[][]} Rows of pay date and amount in dollars, no header (105 rows unfiltered).
 */
export function feeSchedule(stream?: string, from_date?: number, to_date?: number) {
  return call("FEE_SCHEDULE", [stream, from_date, to_date]);
}

/**
 * Date a termination takes effect: the notice date plus three months for "board" and "voluntary" (SEP 4(b), SEP 4(c)), the notice date itself for every other type.
 * @customfunction TERMINATION_DATE
 * @helpurl https://localhost:3000/help/functions.html#termination_date
 * @param notice_date Date the written notice is given (a date); for "board" and "voluntary" it must fall in the notice window (consulting from 1 July 2004, chairman from 1 July 2005).
 * @param type How the period ends: "cause", "board", "voluntary", "good_reason", "change_of_control", "not_elected", "death" or "disability", or the clause such as "4(b)".
 * @param [stream] Period ended: "consulting", "chairman" or "both" (both windows apply); blank means "consulting".
 * @returns {number} The termination date, as a date serial.
 */
export function terminationDate(notice_date: number, type: string, stream?: string) {
  return call("TERMINATION_DATE", [notice_date, type, stream]);
}

/**
 * Contract year (1 to 4) that a date falls in; under SEP 3(b) contract years run from 1 July to 30 June, starting 1 July 2003.
 * @customfunction CONTRACT_YEAR
 * @helpurl https://localhost:3000/help/functions.html#contract_year
 * @param date A date from 1 July 2003 to 30 June 2007; other dates are #VALUE!.
 * @returns {number} 1, 2, 3 or 4.
 */
export function contractYear(date: number) {
  return call("CONTRACT_YEAR", [date]);
}

/**
 * Last day a stock option tranche can be exercised after a termination, under SEP 3(c)(iv)(A).
 * @customfunction OPTION_EXPIRY
 * @helpurl https://localhost:3000/help/functions.html#option_expiry
 * @param termination_date Termination date (a date).
 * @param type How the period ended: "cause", "board", "voluntary", "good_reason", "change_of_control", "not_elected", "death" or "disability", or the clause such as "4(a)".
 * @param [vest_date] Vesting date of the tranche; blank, or a date on or before the termination date, means vested at termination.
 * @returns {number} The last exercise date, as a date serial; #N/A where the tranche is forfeited.
 */
export function optionExpiry(termination_date: number, type: string, vest_date?: number) {
  return call("OPTION_EXPIRY", [termination_date, type, vest_date]);
}

/**
 * Last day to choose cash or shares for a lump sum under SEP 4(c)(i): 21 business days after the Board's notification.
 * @customfunction ELECTION_DEADLINE
 * @helpurl https://localhost:3000/help/functions.html#election_deadline
 * @param notification_date Date of the Board's notification (a date).
 * @param [holidays] Extra closing days (a date or a range of dates) on top of US federal holidays as observed and the workbook's own extra holidays; empty cells are ignored.
 * @returns {number} The deadline, as a date serial.
 */
export function electionDeadline(notification_date: number, holidays?: any[][]) {
  return call("ELECTION_DEADLINE", [notification_date, holidays]);
}

/**
 * Last day to transfer the shares after an election of shares under SEP 4(c)(i): 10 business days after the election.
 * @customfunction SHARE_TRANSFER_DEADLINE
 * @helpurl https://localhost:3000/help/functions.html#share_transfer_deadline
 * @param election_date Date of the election (a date).
 * @param [holidays] Extra closing days (a date or a range of dates) on top of US federal holidays as observed and the workbook's own extra holidays; empty cells are ignored.
 * @returns {number} The deadline, as a date serial.
 */
export function shareTransferDeadline(election_date: number, holidays?: any[][]) {
  return call("SHARE_TRANSFER_DEADLINE", [election_date, holidays]);
}

/**
 * Whole shares delivered when a lump sum is taken in stock under SEP 4(c)(i)(B): amount times portion divided by the share price, rounded down.
 * @customfunction DURESS_SHARES
 * @helpurl https://localhost:3000/help/functions.html#duress_shares
 * @param amount The lump sum in dollars, zero or more (for example a BTU.CONSULTING_LUMP result).
 * @param fair_market_value Fair market value of one share in dollars, more than zero.
 * @param [portion] Fraction of the lump sum taken in shares, from 0 to 1; blank means 1 (all of it).
 * @returns {number} Number of whole shares.
 */
export function duressShares(amount: number, fair_market_value: number, portion?: number) {
  return call("DURESS_SHARES", [amount, fair_market_value, portion]);
}

/**
 * The Company Interest in the split-dollar life policy under SEP 3(c)(iii): $232,000 scaled by today's cash value over the cash value on 1 January 2003, leaving out growth paid for by the executive.
 * @customfunction SPLIT_DOLLAR_COMPANY_INTEREST
 * @helpurl https://localhost:3000/help/functions.html#split_dollar_company_interest
 * @param cash_value Cash value of the policy now, in dollars, zero or more.
 * @param cash_value_2003 Cash value of the policy on 1 January 2003, in dollars, more than zero.
 * @param [insured_increase] Part of the increase shown to come solely from the executive's own premium payments, in dollars; blank means 0.
 * @returns {number} The Company Interest in dollars.
 */
export function splitDollarCompanyInterest(cash_value: number, cash_value_2003: number, insured_increase?: number) {
  return call("SPLIT_DOLLAR_COMPANY_INTEREST", [cash_value, cash_value_2003, insured_increase]);
}

/**
 * Price to buy out the Company Interest in the split-dollar policy under SEP 3(c)(iii)(B): the interest discounted at 3% a year over the executive's remaining life expectancy.
 * @customfunction SPLIT_DOLLAR_BUYOUT
 * @helpurl https://localhost:3000/help/functions.html#split_dollar_buyout
 * @param company_interest The Company Interest in dollars, zero or more (for example a BTU.SPLIT_DOLLAR_COMPANY_INTEREST result).
 * @param life_expectancy_years Remaining life expectancy in years, zero or more; fractions are allowed.
 * @param [method] "compound" (divide by 1.03 to the power of the years) or "simple" (times 1 minus 3% per year, #VALUE! beyond 33 1/3 years); blank means "compound".
 * @returns {number} The buy-out price in dollars.
 */
export function splitDollarBuyout(company_interest: number, life_expectancy_years: number, method?: string) {
  return call("SPLIT_DOLLAR_BUYOUT", [company_interest, life_expectancy_years, method]);
}

/**
 * First day the Company may give notice ending the Consulting Period for disability under SEP 4(h): 120 days after the first day of disability.
 * @customfunction DISABILITY_NOTICE_DATE
 * @helpurl https://localhost:3000/help/functions.html#disability_notice_date
 * @param first_day_disabled First day of the continuous disability (a date).
 * @returns {number} The first permitted notice date, as a date serial.
 */
export function disabilityNoticeDate(first_day_disabled: number) {
  return call("DISABILITY_NOTICE_DATE", [first_day_disabled]);
}

/**
 * TRUE when a person or group acquires more than 50% of the combined voting power, a Change of Control under SEP 7(b).
 * @customfunction CHANGE_OF_CONTROL
 * @helpurl https://localhost:3000/help/functions.html#change_of_control
 * @param voting_power_fraction Share of the combined voting power acquired, as a fraction from 0 to 1 (0.51, or 51%).
 * @returns {boolean} TRUE for a Change of Control, FALSE otherwise.
 */
export function changeOfControl(voting_power_fraction: number) {
  return call("CHANGE_OF_CONTROL", [voting_power_fraction]);
}

/**
 * Borrowing Base under FA 1(b): 80% of eligible receivables plus 35% of eligible inventory (at most $3,500,000), less letters of credit outstanding and drawn amounts not reimbursed.
 * @customfunction BORROWING_BASE
 * @helpurl https://localhost:3000/help/functions.html#borrowing_base
 * @param eligible_receivables Eligible Receivables in dollars: a number or a range, summed; empty cells count as 0, text is #VALUE!.
 * @param eligible_inventory Eligible Inventory in dollars: a number or a range, summed; empty cells count as 0, text is #VALUE!.
 * @param [lc_outstanding] Face amount of letters of credit outstanding, in dollars (a number or a range, summed); blank means 0.
 * @param [lc_unreimbursed] Amounts drawn under letters of credit and not yet reimbursed, in dollars (a number or a range, summed); blank means 0.
 * @param [as_of] Date of the calculation; before 28 January 2004 is #N/A (the original formula is not in these documents); blank means the amended terms.
 * @returns {number} The Borrowing Base in dollars; it may be negative.
 */
export function borrowingBase(eligible_receivables: any[][], eligible_inventory: any[][], lc_outstanding?: any[][], lc_unreimbursed?: any[][], as_of?: number) {
  return call("BORROWING_BASE", [eligible_receivables, eligible_inventory, lc_outstanding, lc_unreimbursed, as_of]);
}

/**
 * Inventory part of the FA 1(b) Borrowing Base: 35% of eligible inventory, at most $3,500,000.
 * @customfunction INVENTORY_ADVANCE
 * @helpurl https://localhost:3000/help/functions.html#inventory_advance
 * @param eligible_inventory Eligible Inventory in dollars: a number or a range, summed; empty cells count as 0, text is #VALUE!.
 * @returns {number} The inventory advance in dollars.
 */
export function inventoryAdvance(eligible_inventory: any[][]) {
  return call("INVENTORY_ADVANCE", [eligible_inventory]);
}

/**
 * Amount still available to borrow: the lesser of the revolving commitment (LMA I.A) and the Borrowing Base (FA 1(b)), less loans outstanding, never below 0.
 * @customfunction AVAILABILITY
 * @helpurl https://localhost:3000/help/functions.html#availability
 * @param borrowing_base The Borrowing Base in dollars, letters of credit already deducted (for example a BTU.BORROWING_BASE result); it may be negative.
 * @param loans_outstanding Revolving loans outstanding in dollars: a number or a range, summed; empty cells count as 0.
 * @param [commitment] The revolving line in dollars; blank means the $14,000,000 of LMA I.A.
 * @param [lc_exposure] Only for the reading that letters of credit also use up the line: their amount in dollars (a number or a range), taken off the commitment; blank means they are deducted only inside the Borrowing Base.
 * @returns {number} Availability in dollars.
 */
export function availability(borrowing_base: number, loans_outstanding: any[][], commitment?: number, lc_exposure?: any[][]) {
  return call("AVAILABILITY", [borrowing_base, loans_outstanding, commitment, lc_exposure]);
}

/**
 * Loans outstanding above the lesser of the commitment and the Borrowing Base, an over-advance SA 13(h) requires to be repaid within 30 days of the bank's notice; 0 when there is none.
 * @customfunction OVERADVANCE
 * @helpurl https://localhost:3000/help/functions.html#overadvance
 * @param borrowing_base The Borrowing Base in dollars, letters of credit already deducted (for example a BTU.BORROWING_BASE result); it may be negative.
 * @param loans_outstanding Revolving loans outstanding in dollars: a number or a range, summed; empty cells count as 0.
 * @param [commitment] The revolving line in dollars; blank means the $14,000,000 of LMA I.A.
 * @param [lc_exposure] Only for the reading that letters of credit also use up the line: their amount in dollars (a number or a range), taken off the commitment; blank means they are deducted only inside the Borrowing Base.
 * @returns {number} The over-advance in dollars.
 */
export function overadvance(borrowing_base: number, loans_outstanding: any[][], commitment?: number, lc_exposure?: any[][]) {
  return call("OVERADVANCE", [borrowing_base, loans_outstanding, commitment, lc_exposure]);
}

/**
 * Minimum tangible net worth on a test date under FA 1(h): $10,000,000 plus 50% of the after-tax net income of each profitable fiscal year from 2004 that has ended by then.
 * @customfunction MIN_TNW
 * @helpurl https://localhost:3000/help/functions.html#min_tnw
 * @param test_date Date the covenant is tested; before 28 January 2004 the original terms apply ($20,000,000, fiscal years from 2002).
 * @param fiscal_years Fiscal (calendar) years, such as {2004,2005,2006} or a column; rows left empty are skipped, a year given twice is #VALUE!.
 * @param net_incomes After-tax net income of each year in dollars, in the same order as fiscal_years; losses are negative.
 * @param [method] "per_year" (each profitable year adds 50%, losses add nothing) or "running_total" (50% of income to date, losses included, never lowering the minimum); blank means "per_year".
 * @returns {number} The required minimum in dollars.
 */
export function minTnw(test_date: number, fiscal_years: any[][], net_incomes: any[][], method?: string) {
  return call("MIN_TNW", [test_date, fiscal_years, net_incomes, method]);
}

/**
 * Tangible net worth above the FA 1(h) minimum on a test date (negative when below it).
 * @customfunction TNW_HEADROOM
 * @helpurl https://localhost:3000/help/functions.html#tnw_headroom
 * @param tangible_net_worth Actual tangible net worth on the test date, in dollars.
 * @param test_date Date the covenant is tested; before 28 January 2004 the original terms apply.
 * @param fiscal_years Fiscal (calendar) years, such as {2004,2005,2006} or a column; rows left empty are skipped, a year given twice is #VALUE!.
 * @param net_incomes After-tax net income of each year in dollars, in the same order as fiscal_years; losses are negative.
 * @param [method] "per_year" (each profitable year adds 50%) or "running_total" (50% of income to date, never lowering the minimum); blank means "per_year".
 * @returns {number} Headroom in dollars: actual minus required.
 */
export function tnwHeadroom(tangible_net_worth: number, test_date: number, fiscal_years: any[][], net_incomes: any[][], method?: string) {
  return call("TNW_HEADROOM", [tangible_net_worth, test_date, fiscal_years, net_incomes, method]);
}

/**
 * Year-by-year ledger of the FA 1(h) minimum tangible net worth from fiscal 2004, spilled as rows of year, net income, step-up and the minimum after that year end.
 * @customfunction TNW_LEDGER
 * @helpurl https://localhost:3000/help/functions.html#tnw_ledger
 * @param fiscal_years Fiscal (calendar) years, such as {2004,2005,2006} or a column; years before 2004 are left out, rows left empty are skipped.
 * @param net_incomes After-tax net income of each year in dollars, in the same order as fiscal_years; losses are negative.
 * @param [method] "per_year" (each profitable year adds 50%) or "running_total" (50% of income to date, never lowering the minimum); blank means "per_year".
 * @returns {number[][]} One row per fiscal year, sorted by year, no header: year, net income, step-up, minimum.
 */
export function tnwLedger(fiscal_years: any[][], net_incomes: any[][], method?: string) {
  return call("TNW_LEDGER", [fiscal_years, net_incomes, method]);
}

/**
 * Minimum net income covenant of FA 1(i): "PASS" when a quarter's net income is at least $1.00, "FAIL" below, "NOT TESTED" before the quarter ending 31 December 2004.
 * @customfunction NET_INCOME_TEST
 * @helpurl https://localhost:3000/help/functions.html#net_income_test
 * @param quarter_end Last day of a calendar quarter (31 March, 30 June, 30 September or 31 December); any other date is #VALUE!.
 * @param net_income Net income of that quarter in dollars; losses are negative.
 * @returns {string} "PASS", "FAIL" or "NOT TESTED".
 */
export function netIncomeTest(quarter_end: number, net_income: number) {
  return call("NET_INCOME_TEST", [quarter_end, net_income]);
}

/**
 * Leverage covenant of FA 1(j): "PASS" when total liabilities divided by tangible net worth is at most the maximum of the date, "FAIL" otherwise or when tangible net worth is zero or less.
 * @customfunction LEVERAGE_TEST
 * @helpurl https://localhost:3000/help/functions.html#leverage_test
 * @param total_liabilities Total liabilities in dollars, zero or more.
 * @param tangible_net_worth Tangible net worth in dollars; zero or less fails the test.
 * @param [as_of] Date of the test, which picks the maximum (2.0 from 28 January 2004, 0.75 before); blank means the amended 2.0.
 * @returns {string} "PASS" or "FAIL".
 */
export function leverageTest(total_liabilities: number, tangible_net_worth: number, as_of?: number) {
  return call("LEVERAGE_TEST", [total_liabilities, tangible_net_worth, as_of]);
}

/**
 * Highest ratio of total liabilities to tangible net worth that FA 1(j) allows on a date: 2.0 from 28 January 2004, 0.75 before.
 * @customfunction LEVERAGE_MAX
 * @helpurl https://localhost:3000/help/functions.html#leverage_max
 * @param [as_of] Date of the test; blank means the amended terms.
 * @returns {number} The maximum ratio.
 */
export function leverageMax(as_of?: number) {
  return call("LEVERAGE_MAX", [as_of]);
}

/**
 * TRUE when other indebtedness not paid, alone or together, exceeds $50,000, leaving out amounts disputed in good faith: the cross default of FA 1(g).
 * @customfunction CROSS_DEFAULT
 * @helpurl https://localhost:3000/help/functions.html#cross_default
 * @param amounts Unpaid amounts of other indebtedness in dollars, zero or more (a number or a range); empty cells count as 0.
 * @param [disputed] A range parallel to amounts, TRUE where the amount is disputed in good faith with adequate reserves (it is then left out); blank means none is disputed.
 * @returns {boolean} TRUE for an Event of Default, FALSE otherwise.
 */
export function crossDefault(amounts: any[][], disputed?: any[][]) {
  return call("CROSS_DEFAULT", [amounts, disputed]);
}

/**
 * Date the revolving credit facility ends under FA 1(a) and ALLONGE 1: 31 May 2007, or 31 May 2006 before the First Amendment of 28 January 2004.
 * @customfunction FACILITY_TERMINATION_DATE
 * @helpurl https://localhost:3000/help/functions.html#facility_termination_date
 * @param [as_of] Date that picks the terms in force; blank means the amended terms.
 * @returns {number} The termination date of the facility, as a date serial.
 */
export function facilityTerminationDate(as_of?: number) {
  return call("FACILITY_TERMINATION_DATE", [as_of]);
}

/**
 * Date a notice under SA 21 takes effect: by fax on the day it is sent, by overnight courier on the next business day after deposit.
 * @customfunction NOTICE_EFFECTIVE
 * @helpurl https://localhost:3000/help/functions.html#notice_effective
 * @param sent_date Date the notice is faxed or deposited with the courier (a date).
 * @param method "fax" or "courier" (or the clause, "21(a)" or "21(b)"); any case.
 * @param [holidays] Extra closing days (a date or a range of dates) on top of US federal holidays as observed and the workbook's own extra holidays; empty cells are ignored.
 * @returns {number} The effective date, as a date serial.
 */
export function noticeEffective(sent_date: number, method: string, holidays?: any[][]) {
  return call("NOTICE_EFFECTIVE", [sent_date, method, holidays]);
}

/**
 * A date a number of business days before or after a start date, like Excel's WORKDAY, on the agreements' calendar of weekdays less US federal holidays as observed (SEP 4(c)(i), SA 21(b)).
 * @customfunction WORKDAY
 * @helpurl https://localhost:3000/help/functions.html#workday
 * @param start_date The date counted from (a date).
 * @param days Business days to add; negative counts back, a fraction is dropped.
 * @param [holidays] Extra closing days (a date or a range of dates) on top of US federal holidays as observed and the workbook's own extra holidays; empty cells are ignored.
 * @returns {number} The resulting date, as a date serial.
 */
export function workday(start_date: number, days: number, holidays?: any[][]) {
  return call("WORKDAY", [start_date, days, holidays]);
}

/**
 * Any figure of the two agreements by its id, exactly as the functions use it, such as "loan.inventory_cap" (FA 1(b)) or "consulting.annual_fee" (SEP 3(a)).
 * @customfunction TERM
 * @helpurl https://localhost:3000/help/functions.html#term
 * @param term_id Id of the figure, such as "loan.commitment", "sep.discount_rate" or "loan.tnw_base"; the function reference lists them all.
 * @param [as_of] Date that picks the version of a term the First Amendment changed on 28 January 2004; blank means the amended value.
 * @returns {number} The figure: dollars, a rate as a fraction, a count, or a date serial.
 */
export function term(term_id: string, as_of?: number) {
  return call("TERM", [term_id, as_of]);
}

/**
 * The verbatim text of a paragraph of the agreements by its clause id, such as "SEP 4(c)(i)" or "FA 1(b)".
 * @customfunction CLAUSE
 * @helpurl https://localhost:3000/help/functions.html#clause
 * @param clause_id Document prefix (SEP, FA, ALLONGE, SA or LMA) and the paragraph as printed, such as "SEP 4(c)(i)", "FA 1(h)-tnw" or "LMA II.A".
 * @returns {string} The clause text with its sub-paragraphs.
 */
export function clause(clause_id: string) {
  return callWithClauses("CLAUSE", [clause_id]);
}

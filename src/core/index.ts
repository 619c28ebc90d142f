/** The calculation core: both agreements as pure functions returning values with their explanations. */
export * from "./outcome";
export { Decimal, toCents, formatMoney } from "./decimal";
export { DATE_1904_OFFSET, serialToIso, isoToSerial, serialOf, fromSerial, edate } from "./dates";
export { TERMS, findTerm } from "./terms";
export type { Term, TermVersion } from "./terms";
export { toDecimal, sumAmounts } from "./inputs";
export type { Amount } from "./inputs";
export { termValue } from "./termLookup";
export { workdayFunction } from "./businessDays";
export { remainingFees, feesEarned, feeSchedule, contractYear, STREAMS } from "./separation/fees";
export { consultingLump, chairmanLump, TERMINATION_TYPES, DISCOUNT_METHODS } from "./separation/termination";
export { terminationDate, optionExpiry, electionDeadline, shareTransferDeadline, disabilityNoticeDate, changeOfControl } from "./separation/deadlines";
export { duressShares, splitDollarCompanyInterest, splitDollarBuyout, BUYOUT_METHODS } from "./separation/benefits";
export { borrowingBase, inventoryAdvance, availability, overadvance } from "./loan/borrowingBase";
export { minTnw, tnwHeadroom, tnwLedger, TNW_METHODS } from "./loan/tnw";
export { netIncomeTest, leverageTest, leverageMax, crossDefault, facilityTerminationDate, noticeEffective, NOTICE_METHODS } from "./loan/covenants";

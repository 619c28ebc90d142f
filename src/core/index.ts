/** The calculation core: both agreements as pure functions returning values with their explanations. */
export * from "./outcome";
export { Decimal, toCents, formatMoney, groupDigits } from "./decimal";
export { Exact } from "./exact";
export {
  DATE_1904_OFFSET,
  serialToIso,
  isoToSerial,
  serialOf,
  fromSerial,
  edate,
  isValidSerial,
  weekday,
  daysInMonth,
} from "./dates";
export type { Serial } from "./dates";
export { federalHolidaysIn } from "./calendar";
export { TERMS, findTerm, termNumber, termClause, termVersion } from "./terms";
export type { Term, TermVersion } from "./terms";
export { toDecimal, sumExact } from "./inputs";
export type { Amount } from "./inputs";
export { termValue } from "./termLookup";
export { workdayFunction } from "./businessDays";
export {
  remainingFees,
  feesEarned,
  feeSchedule,
  contractYear,
  contractYears,
  feeStart,
  feeEnd,
  payDates,
  parseStream,
  STREAMS,
  DEFAULT_STREAM,
} from "./separation/fees";
export type { Stream } from "./separation/fees";
export {
  consultingLump,
  chairmanLump,
  parseTerminationType,
  parseDiscountMethod,
  TERMINATION_TYPES,
  DISCOUNT_METHODS,
  DEFAULT_DISCOUNT_METHOD,
} from "./separation/termination";
export { SEP4, windowStart } from "./separation/sep4";
export type { TerminationType, Part, DiscountMethod } from "./separation/sep4";
export {
  terminationDate,
  optionExpiry,
  electionDeadline,
  shareTransferDeadline,
  disabilityNoticeDate,
  changeOfControl,
} from "./separation/deadlines";
export {
  duressShares,
  splitDollarCompanyInterest,
  splitDollarBuyout,
  BUYOUT_METHODS,
  parseBuyoutMethod,
  DEFAULT_BUYOUT_METHOD,
} from "./separation/benefits";
export type { BuyoutMethod } from "./separation/benefits";
export { borrowingBase, inventoryAdvance, availability, overadvance } from "./loan/borrowingBase";
export {
  minTnw,
  tnwHeadroom,
  tnwLedger,
  TNW_METHODS,
  parseTnwMethod,
  DEFAULT_TNW_METHOD,
} from "./loan/tnw";
export type { TnwMethod } from "./loan/tnw";
export {
  netIncomeTest,
  leverageTest,
  leverageMax,
  crossDefault,
  facilityTerminationDate,
  noticeEffective,
  NOTICE_METHODS,
  parseNoticeMethod,
} from "./loan/covenants";
export type { NoticeMethod } from "./loan/covenants";
export {
  MONTHS,
  longDate,
  quoted,
  termDollars,
  termPercent,
  termDate,
  termYear,
  termCount,
} from "./prose";
export * from "./agreementDates";
export * from "./loan/certificates";

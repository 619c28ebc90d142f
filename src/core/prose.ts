/**
 * Contract figures as a reader writes them in a sentence ("$3,500,000", "35%", "30 June 2007",
 * "21 business days"), always formatted from the terms data, so that help text and messages can
 * never state a figure the calculations do not use.
 */
import { formatMoney, formatPercent } from "./decimal";
import { Serial, fromSerial } from "./dates";
import { termDecimal, termNumber, termVersion } from "./terms";

/** The months as the prose writes them. */
export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "30 June 2007": the one long date style of help text and explanations. */
export function longDate(serial: Serial): string {
  const { year, month, day } = fromSerial(serial);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** A dollar term as written in prose: whole dollars without cents ("$3,500,000"), cents where it has them. */
export function termDollars(id: string, asOf?: Serial): string {
  const amount = termDecimal(id, asOf);
  const money = formatMoney(amount);
  return amount.isInteger() ? money.replace(/\.00$/, "") : money;
}

/** A rate term as a percentage ("35%"). */
export function termPercent(id: string, asOf?: Serial): string {
  return formatPercent(termDecimal(id, asOf));
}

/** A date term as a long date ("30 June 2007"). */
export function termDate(id: string, asOf?: Serial): string {
  return longDate(termNumber(id, asOf));
}

/** The year of a date term ("2004"). */
export function termYear(id: string, asOf?: Serial): string {
  return String(fromSerial(termNumber(id, asOf)).year);
}

/** A count or ratio term as digits ("21", "2"); the unit is the caller's words. */
export function termCount(id: string, asOf?: Serial): string {
  return String(termVersion(id, asOf).value);
}

const NUMBER_WORDS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
];

/** A small count term in words, as the agreements write them ("three"); digits above twelve. */
export function termCountWords(id: string, asOf?: Serial): string {
  const count = termNumber(id, asOf);
  return NUMBER_WORDS[count] ?? String(count);
}

/** A date term as the agreements write dates ("June 30, 2003"). */
export function termUsDate(id: string, asOf?: Serial): string {
  const { year, month, day } = fromSerial(termNumber(id, asOf));
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

/**
 * The agreement's own words, in quotes, as an explanation cites them. The words are the clause's,
 * not a figure of ours: test/core/quotes.test.ts checks each one appears verbatim in its clause.
 */
export function quoted(clause: string, words: string): string {
  return `"${words}" (${clause})`;
}

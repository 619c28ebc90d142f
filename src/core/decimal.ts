import DecimalJs from "decimal.js";

/**
 * The one Decimal the project computes money with: 40 significant digits and Excel's ROUND
 * (half away from zero). A private clone, so a host page that configures decimal.js differently
 * cannot change our figures.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

/** The single rounding at the end of every money result: to cents, half away from zero. */
export function toCents(amount: Decimal): Decimal {
  return amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** An exact amount of the fast path (src/core/exact.ts), read as the Decimal it equals. */
type Exactly = { toDecimal(): Decimal };
const asDecimal = (value: Decimal | Exactly): Decimal =>
  value instanceof Decimal ? value : value.toDecimal();

/** "1234567" as "1,234,567": whole digits grouped in thousands. */
export function groupDigits(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "$1,234,567.89" (negatives as "-$1,234.00"): how figures appear in explanations. */
export function formatMoney(value: Decimal | Exactly): string {
  const cents = toCents(asDecimal(value));
  const [whole, fraction] = cents.abs().toFixed(2).split(".");
  return `${cents.isNegative() && !cents.isZero() ? "-" : ""}$${groupDigits(whole)}.${fraction}`;
}

/** How far another reading is from the one used, both rounded to cents as a cell would show them. */
export function formatDifference(other: Decimal | Exactly, used: Decimal | Exactly): string {
  const difference = toCents(asDecimal(other)).minus(toCents(asDecimal(used)));
  if (difference.isZero()) return "the same as the figure used";
  return `${formatMoney(difference.abs())} ${difference.isNegative() ? "less" : "more"} than the figure used`;
}

/** A rate or fraction as a percentage ("35%", "3%", "0.5%"). */
export function formatPercent(value: Decimal | Exactly): string {
  return `${asDecimal(value).times(100).toSignificantDigits(10).toString()}%`;
}

/** A plain number for explanations, trimmed to a readable number of digits. */
export function formatNumber(value: Decimal | Exactly, places = 6): string {
  return asDecimal(value).toDecimalPlaces(places).toString();
}

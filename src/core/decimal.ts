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

/**
 * An exact amount of the fast path (src/core/exact.ts): the Decimal it equals, or while it is a
 * fraction of safe integers (`decimal` undefined), its numerator `n`. Explanations format several
 * figures per call, and a 40-digit division for each was most of a large audit's time: money is
 * written from the whole cents `toCents` gives.
 */
type Exactly = {
  readonly n: number;
  readonly decimal?: Decimal;
  toDecimal(): Decimal;
  toCents(): Exactly;
};
const asDecimal = (value: Decimal | Exactly): Decimal =>
  value instanceof Decimal ? value : value.toDecimal();

/** The value as a whole number of cents (rounded half away from zero), where integers hold it. */
function wholeCents(value: Decimal | Exactly): number | undefined {
  if (value instanceof Decimal) return undefined;
  const cents = value.toCents();
  return cents.decimal === undefined ? cents.n : undefined;
}

/** "1234567" as "1,234,567": whole digits grouped in thousands. */
export function groupDigits(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A whole number of cents as money: the fast path's twin of toFixed(2), with no Decimal made. */
function moneyOfCents(cents: number): string {
  const abs = Math.abs(cents);
  const fraction = String(abs % 100).padStart(2, "0");
  return `${cents < 0 ? "-" : ""}$${groupDigits(String(Math.floor(abs / 100)))}.${fraction}`;
}

/** The value rounded to cents, as a Decimal: written out from whole cents where integers hold them. */
function centsOf(value: Decimal | Exactly): Decimal {
  const whole = wholeCents(value);
  return whole === undefined ? toCents(asDecimal(value)) : new Decimal(`${whole}e-2`);
}

/** "$1,234,567.89" (negatives as "-$1,234.00"): how figures appear in explanations. */
export function formatMoney(value: Decimal | Exactly): string {
  const whole = wholeCents(value);
  if (whole !== undefined) return moneyOfCents(whole);
  const cents = toCents(asDecimal(value));
  const [digits, fraction] = cents.abs().toFixed(2).split(".");
  return `${cents.isNegative() && !cents.isZero() ? "-" : ""}$${groupDigits(digits)}.${fraction}`;
}

/** How far another reading is from the one used, both rounded to cents as a cell would show them. */
export function formatDifference(other: Decimal | Exactly, used: Decimal | Exactly): string {
  const difference = centsOf(other).minus(centsOf(used));
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

/**
 * The core's money arithmetic: exact, and fast where it can be. An amount is held as a fraction
 * n / d of safe integers (whole cents are n / 100, a rate such as 0.35 is 7 / 20) while every
 * product and sum stays within Number.MAX_SAFE_INTEGER; an amount with digits below the cent, a
 * result that would leave the safe integers, or a power falls back to decimal.js, which stays the
 * reference. Either way the value is exact, and it is rounded once, at the end, half away from zero.
 */
import { Decimal } from "./decimal";

const SAFE = Number.MAX_SAFE_INTEGER;
/** Amounts are read as Excel holds numbers, at 15 significant digits: whole cents below 10^15 cents are exact doubles. */
const MAX_CENTS = 1e15;

const safe = (x: number) => x <= SAFE && x >= -SAFE;

/** Euclid's algorithm; a remainder of large doubles costs more than the rest of a calculation. */
function euclid(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/**
 * gcd with the last few answers kept: a sheet's cells repeat the same factors (an annual fee against
 * the fee-year denominator), so most reductions are the one just made.
 */
const recent = new Float64Array(12);
let next = 0;
export function gcd(a: number, b: number): number {
  if (b === 1 || a === 1) return 1;
  for (let i = 0; i < recent.length; i += 3)
    if (recent[i] === a && recent[i + 1] === b) return recent[i + 2];
  const g = euclid(a, b);
  recent[next] = a;
  recent[next + 1] = b;
  recent[next + 2] = g;
  next = (next + 3) % recent.length;
  return g;
}

/** An exact amount: a fraction of safe integers, or a Decimal once the fraction would overflow. */
export class Exact {
  private constructor(
    /** Numerator and denominator (d > 0), meaningful while `decimal` is undefined. */
    readonly n: number,
    readonly d: number,
    /** The value, once it left the safe integers. */
    readonly decimal?: Decimal
  ) {}

  static readonly ZERO = new Exact(0, 1);
  static readonly ONE = new Exact(1, 1);

  static fraction(n: number, d: number): Exact {
    if (Number.isSafeInteger(n) && Number.isSafeInteger(d) && d > 0) return new Exact(n, d);
    return Exact.of(new Decimal(n).dividedBy(d));
  }

  static of(value: Decimal): Exact {
    return new Exact(0, 1, value);
  }

  /**
   * A number as Excel holds it (15 significant digits): whole cents within 10^15 cents as a fraction,
   * anything finer or larger through decimal.js's reading of those digits.
   */
  static fromNumber(value: number): Exact {
    if (value === 0) return Exact.ZERO;
    if (Number.isSafeInteger(value)) return new Exact(value, 1);
    const cents = Math.round(value * 100);
    if (Math.abs(cents) < MAX_CENTS && cents / 100 === value) return new Exact(cents, 100);
    return Exact.of(new Decimal(value.toPrecision(15)));
  }

  /** A rate or amount written in the terms ("0.35"), as the fraction it is (7 / 20). */
  static parse(text: string): Exact {
    const [whole, fraction = ""] = text.trim().split(".");
    const d = 10 ** fraction.length;
    const n = Number(whole + fraction);
    if (!/^-?\d+$/.test(whole + fraction) || !Number.isSafeInteger(n) || !Number.isSafeInteger(d))
      return Exact.of(new Decimal(text));
    const g = gcd(n, d);
    return new Exact(n / g, d / g);
  }

  toDecimal(): Decimal {
    if (this.decimal) return this.decimal;
    // Whole amounts and cents need no 40-digit division: their digits are written out.
    if (this.d === 1) return new Decimal(this.n);
    if (this.d === 100) return new Decimal(`${this.n}e-2`);
    return new Decimal(this.n).dividedBy(this.d);
  }

  plus(other: Exact): Exact {
    if (this.decimal === undefined && other.decimal === undefined) {
      if (other.n === 0) return this;
      const result = sum(this.n, this.d, other.n, other.d);
      if (result) return result;
    }
    return Exact.of(this.toDecimal().plus(other.toDecimal()));
  }

  minus(other: Exact): Exact {
    if (this.decimal === undefined && other.decimal === undefined) {
      if (other.n === 0) return this;
      const result = sum(this.n, this.d, -other.n, other.d);
      if (result) return result;
    }
    return Exact.of(this.toDecimal().minus(other.toDecimal()));
  }

  times(other: Exact): Exact {
    if (this.decimal === undefined && other.decimal === undefined) {
      const result = product(this.n, this.d, other.n, other.d);
      if (result) return result;
    }
    return Exact.of(this.toDecimal().times(other.toDecimal()));
  }

  dividedBy(other: Exact): Exact {
    if (other.isZero()) throw new RangeError("Exact: division by zero");
    return this.times(other.inverse());
  }

  negated(): Exact {
    return this.decimal === undefined
      ? new Exact(-this.n, this.d)
      : Exact.of(this.decimal.negated());
  }

  private inverse(): Exact {
    if (this.decimal !== undefined) return Exact.of(new Decimal(1).dividedBy(this.decimal));
    return this.n < 0 ? new Exact(-this.d, -this.n) : new Exact(this.d, this.n);
  }

  /** −1, 0 or 1, as this compares with `other`. */
  compare(other: Exact): number {
    if (this.decimal === undefined && other.decimal === undefined) {
      const left = this.n * other.d;
      const right = other.n * this.d;
      if (safe(left) && safe(right)) return Math.sign(left - right);
    }
    return this.toDecimal().comparedTo(other.toDecimal());
  }

  lessThan(other: Exact): boolean {
    return this.compare(other) < 0;
  }

  greaterThan(other: Exact): boolean {
    return this.compare(other) > 0;
  }

  isZero(): boolean {
    return this.decimal === undefined ? this.n === 0 : this.decimal.isZero();
  }

  isNegative(): boolean {
    return this.decimal === undefined
      ? this.n < 0
      : this.decimal.isNegative() && !this.decimal.isZero();
  }

  static min(a: Exact, b: Exact): Exact {
    return a.compare(b) <= 0 ? a : b;
  }

  static max(a: Exact, b: Exact): Exact {
    return a.compare(b) >= 0 ? a : b;
  }

  /** The single rounding: to cents, half away from zero, as Excel's ROUND(x, 2). */
  toCents(): Exact {
    if (this.decimal === undefined) {
      // Whole dollars, cents, twentieths…: already exact in cents, nothing to round.
      if (this.d === 100) return this;
      if (100 % this.d === 0 && safe(this.n * (100 / this.d)))
        return new Exact(this.n * (100 / this.d), 100);
      const cents = roundedCents(this.n, this.d);
      if (cents !== undefined) return new Exact(cents, 100);
    }
    return Exact.of(this.toDecimal().toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
  }

  /** The exact decimal digits, as decimal.js writes them. */
  toString(): string {
    return this.toDecimal().toString();
  }

  /** The nearest double, as a cell shows it. */
  toNumber(): number {
    return this.decimal === undefined ? this.n / this.d : this.decimal.toNumber();
  }
}

/** an/ad + bn/bd in safe integers, over the smaller common denominator; undefined on overflow. */
function sum(an: number, ad: number, bn: number, bd: number): Exact | undefined {
  if (ad === bd) {
    const n = an + bn;
    return safe(n) ? Exact.fraction(n, ad) : undefined;
  }
  // Cents and a rate's twentieths: one denominator usually divides the other.
  if (bd % ad === 0) {
    const left = an * (bd / ad);
    const n = left + bn;
    return safe(left) && safe(n) ? Exact.fraction(n, bd) : undefined;
  }
  if (ad % bd === 0) {
    const right = bn * (ad / bd);
    const n = an + right;
    return safe(right) && safe(n) ? Exact.fraction(n, ad) : undefined;
  }
  const g = gcd(ad, bd);
  const left = an * (bd / g);
  const right = bn * (ad / g);
  const d = ad * (bd / g);
  const n = left + right;
  return safe(left) && safe(right) && safe(n) && safe(d) ? Exact.fraction(n, d) : undefined;
}

/** an/ad × bn/bd, the cross factors cancelled when the plain product would overflow; undefined if it still does. */
function product(an: number, ad: number, bn: number, bd: number): Exact | undefined {
  let n = an * bn;
  let d = ad * bd;
  if (safe(n) && safe(d)) return Exact.fraction(n, d);
  const g1 = gcd(an, bd);
  const g2 = gcd(bn, ad);
  n = (an / g1) * (bn / g2);
  d = (ad / g2) * (bd / g1);
  return safe(n) && safe(d) ? Exact.fraction(n, d) : undefined;
}

/** ⌊m / d⌋ and m mod d for 0 ≤ m, 0 < d safe: the float quotient corrected by one where it rounded. */
function divide(m: number, d: number): [number, number] {
  let q = Math.floor(m / d);
  let r = m - q * d;
  if (r < 0) [q, r] = [q - 1, r + d];
  else if (r >= d) [q, r] = [q + 1, r - d];
  return [q, r];
}

/** round(100 × n / d), half away from zero, in safe integers; undefined on overflow. */
function roundedCents(n: number, d: number): number | undefined {
  const negative = n < 0;
  const m = Math.abs(n);
  if (!safe(m + d)) return undefined;
  const [whole, rest] = divide(m, d);
  // 100 × rest < 100 × d: the cents below the dollar, and twice the remainder decides the half.
  const scaled = rest * 100;
  if (!safe(scaled) || !safe(whole * 100) || !safe(2 * d)) return undefined;
  const [cents, remainder] = divide(scaled, d);
  const total = whole * 100 + cents + (2 * remainder >= d ? 1 : 0);
  if (!safe(total)) return undefined;
  return negative ? -total : total;
}

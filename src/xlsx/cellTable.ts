/**
 * A scanned sheet's cells, kept column by column: a cell costs a few integers (its address and its
 * offsets in the part's text), not an object with strings of its own. A sheet of 200,000 formulas
 * holds a million cells, and as objects they were half of what reading the workbook kept in memory.
 * A cell's `<v>` text is read from the part when asked for; `cell(i)` gives one cell's record.
 */
import { decodeXml } from "./xml";

export interface StoredFormula {
  /** `<f>` text as stored (prefixes kept); empty for a shared formula's other cells. */
  text: string;
  kind: "normal" | "shared" | "array" | "dataTable";
  /** The group's range (shared formula master, array formula). */
  ref?: string;
  /** A shared formula's group index. */
  si?: string;
}

export interface SheetCell {
  /** 0-based. */
  row: number;
  col: number;
  /** The `t` attribute: s, str, inlineStr, b, e, n, d; absent means a number. */
  type?: string;
  formula?: StoredFormula;
  /** `<v>` text, decoded. */
  value?: string;
  /** Text of an inline string (`<is>`). */
  inline?: string;
  /** Offsets in the part's text: the whole element, and the end of its start tag. */
  start: number;
  end: number;
  tagEnd: number;
  /** Offsets of the `<v>` element, if any, and the end of the `<f>` element. */
  vStart?: number;
  vEnd?: number;
  fEnd?: number;
}

/** The `t` values a file uses, by code (0: no `t` attribute); any other (`t=""` too) is kept aside by cell. */
const TYPES = [undefined, "s", "str", "inlineStr", "b", "e", "n", "d"];
const OTHER_TYPE = 255;
const ABSENT = -1;

/** The array, or one twice its length with the same start, so that index i fits. */
function room<T extends Int32Array | Uint8Array>(array: T, i: number): T {
  if (i < array.length) return array;
  const grown = new (array.constructor as new (length: number) => T)(array.length * 2);
  grown.set(array);
  return grown;
}

/** One integer per cell, in a typed array that doubles as cells are added. */
class Column {
  values = new Int32Array(256);

  set(i: number, value: number): void {
    this.values = room(this.values, i);
    this.values[i] = value;
  }
}

/** What a cell has beyond a value, so that most cells need no lookup in the maps below. */
const HAS_FORMULA = 1;
const HAS_INLINE = 2;

export class CellTable implements Iterable<SheetCell> {
  length = 0;
  private readonly rows = new Column();
  private readonly cols = new Column();
  private readonly starts = new Column();
  private readonly ends = new Column();
  private readonly tagEnds = new Column();
  private readonly vStarts = new Column();
  private readonly vEnds = new Column();
  /** The span of `<v>`'s content, read and decoded only when asked for. */
  private readonly valueFroms = new Column();
  private readonly valueTos = new Column();
  private readonly fEnds = new Column();
  private typeCodes = new Uint8Array(256);
  private flags = new Uint8Array(256);
  private readonly otherTypes = new Map<number, string>();
  private readonly formulas = new Map<number, StoredFormula>();
  private readonly inlines = new Map<number, string>();

  constructor(private readonly xml: string) {}

  /** Adds a cell whose start tag spans start…tagEnd; returns its index. */
  add(row: number, col: number, start: number, tagEnd: number, type: string | undefined): number {
    const i = this.length++;
    this.rows.set(i, row);
    this.cols.set(i, col);
    this.starts.set(i, start);
    this.ends.set(i, tagEnd);
    this.tagEnds.set(i, tagEnd);
    this.vStarts.set(i, ABSENT);
    this.vEnds.set(i, ABSENT);
    this.valueFroms.set(i, ABSENT);
    this.valueTos.set(i, ABSENT);
    this.fEnds.set(i, ABSENT);
    this.typeCodes = room(this.typeCodes, i);
    this.flags = room(this.flags, i);
    this.flags[i] = 0;
    const code = type === undefined ? 0 : TYPES.indexOf(type);
    this.typeCodes[i] = code < 0 ? OTHER_TYPE : code;
    if (code < 0) this.otherTypes.set(i, type!);
    return i;
  }

  setEnd(i: number, end: number): void {
    this.ends.values[i] = end;
  }

  /** The `<v>` element at vStart…vEnd, its content at from…to. */
  setValue(i: number, vStart: number, vEnd: number, from: number, to: number): void {
    this.vStarts.values[i] = vStart;
    this.vEnds.values[i] = vEnd;
    this.valueFroms.values[i] = from;
    this.valueTos.values[i] = to;
  }

  setFormula(i: number, formula: StoredFormula, fEnd: number): void {
    this.formulas.set(i, formula);
    this.flags[i] |= HAS_FORMULA;
    this.fEnds.values[i] = fEnd;
  }

  setInline(i: number, text: string): void {
    this.inlines.set(i, text);
    this.flags[i] |= HAS_INLINE;
  }

  row(i: number): number {
    return this.rows.values[i];
  }

  col(i: number): number {
    return this.cols.values[i];
  }

  start(i: number): number {
    return this.starts.values[i];
  }

  type(i: number): string | undefined {
    const code = this.typeCodes[i];
    return code === OTHER_TYPE ? this.otherTypes.get(i) : TYPES[code];
  }

  /** `<v>` text, decoded; undefined where the cell has none. */
  value(i: number): string | undefined {
    const from = this.valueFroms.values[i];
    return from === ABSENT ? undefined : decodeXml(this.xml.slice(from, this.valueTos.values[i]));
  }

  /** Where the `<v>` element starts and where its content lies; undefined where the cell has none. */
  valueSpan(i: number): { vStart: number; from: number; to: number } | undefined {
    const from = this.valueFroms.values[i];
    return from === ABSENT
      ? undefined
      : { vStart: this.vStarts.values[i], from, to: this.valueTos.values[i] };
  }

  inline(i: number): string | undefined {
    return this.flags[i] & HAS_INLINE ? this.inlines.get(i) : undefined;
  }

  formula(i: number): StoredFormula | undefined {
    return this.flags[i] & HAS_FORMULA ? this.formulas.get(i) : undefined;
  }

  /** One cell's whole record (for a cell that is edited or read whole). */
  cell(i: number): SheetCell {
    const cell: SheetCell = {
      row: this.row(i),
      col: this.col(i),
      start: this.start(i),
      end: this.ends.values[i],
      tagEnd: this.tagEnds.values[i],
    };
    const type = this.type(i);
    if (type !== undefined) cell.type = type;
    const formula = this.formula(i);
    if (formula) {
      cell.formula = formula;
      cell.fEnd = this.fEnds.values[i];
    }
    const value = this.value(i);
    if (value !== undefined) {
      cell.value = value;
      cell.vStart = this.vStarts.values[i];
      cell.vEnd = this.vEnds.values[i];
    }
    const inline = this.inline(i);
    if (inline !== undefined) cell.inline = inline;
    return cell;
  }

  *[Symbol.iterator](): Iterator<SheetCell> {
    for (let i = 0; i < this.length; i++) yield this.cell(i);
  }
}

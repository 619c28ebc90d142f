/**
 * HyperFormula set up to compute like Excel (1900 date system with its leap-year quirk, Excel's
 * argument separator, dynamic arrays), with the BTU functions registered.
 */
import { ConfigParams, HyperFormula, RawCellContent, SerializedNamedExpression } from "hyperformula";
import { RunContext } from "../catalogue";
import { registerBtuPlugin, withEngineContext, withoutBtuPlugin } from "./plugin";

export const ENGINE_CONFIG: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  leapYear1900: true,
  nullDate: { year: 1899, month: 12, day: 31 },
  functionArgSeparator: ",",
  decimalSeparator: ".",
  thousandSeparator: "",
  arrayColumnSeparator: ",",
  arrayRowSeparator: ";",
  dateFormats: ["MM/DD/YYYY", "MM/DD/YY", "YYYY-MM-DD"],
  timeFormats: ["hh:mm", "hh:mm:ss.sss"],
  useArrayArithmetic: true,
  evaluateNullToZero: true,
  maxRows: 1048576,
  maxColumns: 16384,
};

export type SheetContents = Record<string, RawCellContent[][]>;

/** Builds with the workbook's defined names; a name HyperFormula cannot take leaves them all out rather than failing. */
function build(sheets: SheetContents, names: SerializedNamedExpression[]): HyperFormula {
  if (!names.length) return HyperFormula.buildFromSheets(sheets, ENGINE_CONFIG);
  try {
    return HyperFormula.buildFromSheets(sheets, ENGINE_CONFIG, names);
  } catch {
    return HyperFormula.buildFromSheets(sheets, ENGINE_CONFIG);
  }
}

/** An engine over these sheets with the BTU functions, computing with this workbook's settings. */
export function createEngine(sheets: SheetContents, context: RunContext = {}, names: SerializedNamedExpression[] = []): HyperFormula {
  registerBtuPlugin();
  return withEngineContext(context, () => build(sheets, names));
}

/** An engine that knows only Excel's own functions, as Excel without the add-in. */
export function createPlainEngine(sheets: SheetContents, names: SerializedNamedExpression[] = []): HyperFormula {
  return withoutBtuPlugin(() => build(sheets, names));
}

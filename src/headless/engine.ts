/**
 * HyperFormula set up to compute like Excel (its date system with the 1900 leap-year quirk, Excel's
 * argument separator, dynamic arrays, full double precision: no smart rounding of results), with
 * the BTU functions registered. Sheets are addressed by the id HyperFormula gives each name, never by
 * position: HyperFormula numbers sheets in its object's key order, which puts a sheet named "2005" first.
 */
import {
  ConfigParams,
  DenseSparseChooseBasedOnThreshold,
  HyperFormula,
  RawCellContent,
  SerializedNamedExpression,
} from "hyperformula";
import { MAX_COLUMNS, MAX_ROWS, RunContext } from "../catalogue";
import { shareFormulaShapes } from "./formulaShapes";
import { registerBtuPlugin, withoutBtuPlugin } from "./plugin";

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
  smartRounding: false,
  // Nothing here is undone: an undo history would keep a copy of every change (and cost time per change).
  undoLimit: 0,
  // A sheet with one value far out (XFD1048576) is stored sparsely, not as a grid of a billion cells.
  chooseAddressMappingPolicy: new DenseSparseChooseBasedOnThreshold(0.8),
  maxRows: MAX_ROWS,
  maxColumns: MAX_COLUMNS,
};

/** The 1904 date system: serial 0 is 1 January 1904, and there is no 1900 leap-day quirk. */
const CONFIG_1904: Partial<ConfigParams> = {
  leapYear1900: false,
  nullDate: { year: 1904, month: 1, day: 1 },
};

export type SheetContents = Record<string, RawCellContent[][]>;

/** A defined name for the engine: its expression, and for a sheet-scoped name the sheet's name. */
export interface EngineName {
  name: string;
  expression: string;
  sheet?: string;
}

export interface EngineOptions {
  names?: EngineName[];
  date1904?: boolean;
}

export interface BuiltEngine {
  engine: HyperFormula;
  /** Names the engine refused (an expression it cannot read), with its reason. */
  refusedNames: { name: string; reason: string }[];
}

function configFor(options: EngineOptions): Partial<ConfigParams> {
  return options.date1904 ? { ...ENGINE_CONFIG, ...CONFIG_1904 } : ENGINE_CONFIG;
}

/** The engine's own id of each sheet name, known before the build from the object's key order. */
function predictedIds(sheets: SheetContents): Map<string, number> {
  return new Map(Object.keys(sheets).map((name, id) => [name, id]));
}

/** Each name tried alone on an engine with the same (empty) sheets, so one bad name cannot sink the rest. */
function acceptedNames(sheets: SheetContents, names: EngineName[], config: Partial<ConfigParams>) {
  const accepted: SerializedNamedExpression[] = [];
  const refused: BuiltEngine["refusedNames"] = [];
  const ids = predictedIds(sheets);
  const probe = HyperFormula.buildFromSheets(
    Object.fromEntries([...ids.keys()].map((name) => [name, []])),
    config
  );
  for (const name of names) {
    const scope = name.sheet === undefined ? undefined : ids.get(name.sheet);
    try {
      if (name.sheet !== undefined && scope === undefined)
        throw new Error(`its sheet ${name.sheet} is not a worksheet`);
      probe.addNamedExpression(name.name, name.expression, scope);
      accepted.push({ name: name.name, expression: name.expression, scope });
    } catch (error) {
      refused.push({
        name: name.name,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  probe.destroy();
  return { accepted, refused };
}

function build(sheets: SheetContents, options: EngineOptions, context?: RunContext): BuiltEngine {
  // HyperFormula hands `context` to every function plugin as config.context: the BTU functions'
  // workbook settings and date system travel with the engine they belong to.
  const config = { ...configFor(options), context };
  shareFormulaShapes();
  if (!options.names?.length)
    return { engine: HyperFormula.buildFromSheets(sheets, config), refusedNames: [] };
  const { accepted, refused } = acceptedNames(sheets, options.names, config);
  return { engine: HyperFormula.buildFromSheets(sheets, config, accepted), refusedNames: refused };
}

/** An engine over these sheets with the BTU functions, computing with this workbook's settings. */
export function buildEngine(
  sheets: SheetContents,
  context: RunContext = {},
  options: EngineOptions = {}
): BuiltEngine {
  registerBtuPlugin();
  return build(sheets, options, context);
}

export function createEngine(
  sheets: SheetContents,
  context: RunContext = {},
  options: EngineOptions = {}
): HyperFormula {
  return buildEngine(sheets, context, options).engine;
}

/** An engine that knows only Excel's own functions, as Excel without the add-in. */
export function createPlainEngine(
  sheets: SheetContents,
  options: EngineOptions = {}
): HyperFormula {
  return withoutBtuPlugin(() => build(sheets, options).engine);
}

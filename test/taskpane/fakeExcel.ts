/**
 * An Excel workbook for unit tests, built from office-addin-mock's OfficeMockObject: properties
 * must be loaded and synced before they are read, as in Office.js. Sheets, ranges and the active
 * cell are mock objects created on demand from a plain map of cells; what the code under test
 * writes (values, formulas, formats) stays on those mocks for the test to read back.
 */
import { OfficeMockObject } from "office-addin-mock";
import { cellAddress } from "../../src/taskpane/addresses";
import { columnNumber, parseReference } from "../../src/catalogue";

export interface FakeCell {
  /** A formula such as "=BTU.X(...)"; omitted for a constant. */
  formula?: string;
  value: string | number | boolean;
  /** Office.js value type; derived from the value when omitted ("Error" must be given). */
  type?: "Error";
}

export type FakeSheets = Record<string, Record<string, FakeCell>>;

// The mock adds Office.js-like members at run time, and its helpers (addMock, populate) are private in its typings.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Mock = Record<string, any>;

function valueType(cell: FakeCell | undefined): string {
  if (!cell || cell.value === "") return "Empty";
  if (cell.type) return cell.type;
  return typeof cell.value === "number"
    ? "Double"
    : typeof cell.value === "boolean"
      ? "Boolean"
      : "String";
}

/** Rows and columns (0-based, inclusive) of a bounded A1 range; undefined for whole columns/rows. */
function bounds(
  cells: string
): { top: number; left: number; bottom: number; right: number } | undefined {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(cells.replace(/\$/g, "").toUpperCase());
  if (!m) return undefined;
  const [top, left] = [Number(m[2]) - 1, columnNumber(m[1]) - 1];
  return {
    top,
    left,
    bottom: m[4] ? Number(m[4]) - 1 : top,
    right: m[3] ? columnNumber(m[3]) - 1 : left,
  };
}

export class FakeWorkbook {
  readonly context: Mock;
  readonly selected: string[] = [];
  readonly activated: string[] = [];
  readonly calculations: string[] = [];
  readonly frozenRows: Record<string, number> = {};
  selectionHandler?: () => Promise<void> | void;
  /** Handlers of worksheets.onChanged and worksheets.onCalculated. */
  readonly changeHandlers: (() => Promise<void> | void)[] = [];
  /** Ranges the code asked Excel to calculate, and what the test does then (Excel calling functions). */
  readonly calculatedRanges: string[] = [];
  onRangeCalculate?: (address: string) => void;
  /** Conditional formats added: the range, the type and the rule as written. */
  readonly conditionalFormats: { range: string; type: string; rule: () => unknown }[] = [];
  /** Charts added: sheet, type, source range, title and position as written. */
  readonly charts: {
    sheet: string;
    type: string;
    source: string;
    title: { text?: string };
    at?: string;
  }[] = [];
  private sheetsCreated = 0;
  private readonly spills: Record<string, { address: string; values: unknown[][] }>;

  constructor(
    sheets: FakeSheets,
    options: { active?: string; spills?: FakeWorkbook["spills"]; date1904?: boolean } = {}
  ) {
    this.spills = options.spills ?? {};
    // The mock calls these handlers with its own `this`; they reach the workbook through `fake`.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    this.context = new OfficeMockObject({
      workbook: {
        worksheets: {
          getItem: (name: string) => fake.sheet(name) ?? fake.fail(`no sheet ${name}`),
          getItemOrNullObject: (name: string) => fake.sheet(name) ?? fake.nullObject(),
          add: (name: string) => fake.addSheet(name, {}),
          load: () => {
            for (const sheet of fake.worksheets().items) sheet.load("name");
            return fake.worksheets();
          },
          onChanged: { add: (handler: () => Promise<void>) => fake.changeHandlers.push(handler) },
          onCalculated: {
            add: (handler: () => Promise<void>) => fake.changeHandlers.push(handler),
          },
        },
        // DATE(1904,1,1): serial 0 in the 1904 date system, 1462 in the 1900 system.
        functions: { date: () => ({ value: options.date1904 ? 0 : 1462, load: () => undefined }) },
        getActiveCell: () => {
          const { sheet, area } = parseReference(options.active ?? "");
          return fake.range(sheet ?? fake.sheetNames()[0], area);
        },
        onSelectionChanged: {
          add: (handler: () => Promise<void>) => {
            fake.selectionHandler = handler;
          },
        },
        application: { calculate: (type: string) => fake.calculations.push(type) },
      },
    }) as unknown as Mock;
    this.worksheets().items = [];
    for (const [name, cells] of Object.entries(sheets))
      this.addSheet(name, JSON.parse(JSON.stringify(cells)));
  }

  private worksheets(): Mock {
    return this.context.workbook.worksheets;
  }

  private fail(message: string): never {
    throw new Error(message);
  }

  private nullObject(): Mock {
    const mock = new OfficeMockObject({}) as unknown as Mock;
    mock.isNullObject = true;
    return mock;
  }

  /** A sheet's name: as created, or as the code under test renamed it (copy.name = "..."). */
  private nameOf(sheet: Mock): string {
    return typeof sheet.name === "string" && !sheet.name.startsWith("Error, ")
      ? sheet.name
      : sheet._fakeName;
  }

  sheet(name: string): Mock | undefined {
    return this.worksheets().items.find(
      (s: Mock) => this.nameOf(s).toLowerCase() === name.toLowerCase()
    );
  }

  sheetNames(): string[] {
    return this.worksheets().items.map((s: Mock) => this.nameOf(s));
  }

  private addSheet(name: string, cells: Record<string, FakeCell>): Mock {
    if (this.sheet(name)) throw new Error(`a sheet ${name} exists already`);
    // The mock calls these handlers with its own `this`; they reach the workbook through `fake`.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    const worksheets = this.worksheets();
    const key = `sheet:${++this.sheetsCreated}`;
    worksheets.addMock(key);
    const sheet = worksheets[key] as Mock;
    sheet.populate({
      name,
      getRange: (address: string) => fake.rangeOf(sheet, address),
      getUsedRangeOrNullObject: () => fake.usedRange(sheet),
      activate: () => fake.activated.push(fake.nameOf(sheet)),
      delete: () => {
        worksheets.items = worksheets.items.filter((s: Mock) => s !== sheet);
      },
      copy: () =>
        fake.addSheet(`${fake.nameOf(sheet)} copy`, JSON.parse(JSON.stringify(sheet._fakeCells))),
      charts: {
        add: (type: string, source: Mock) => {
          const chart = {
            sheet: fake.nameOf(sheet),
            type,
            source: String(source._fakeAddress),
            title: {} as { text?: string },
            at: undefined as string | undefined,
          };
          fake.charts.push(chart);
          return { title: chart.title, setPosition: (at: string) => (chart.at = at) };
        },
      },
      freezePanes: {
        freezeRows: (count: number) => {
          fake.frozenRows[fake.nameOf(sheet)] = count;
        },
      },
    });
    sheet._fakeName = name;
    sheet._fakeCells = cells;
    sheet.isNullObject = false;
    worksheets.items = [...worksheets.items, sheet];
    return sheet;
  }

  /** The mock of a range, created on first use; what code writes to it stays on it. */
  range(sheetName: string, address: string): Mock {
    return this.rangeOf(this.sheet(sheetName) ?? this.fail(`no sheet ${sheetName}`), address);
  }

  private rangeOf(sheet: Mock, address: string): Mock {
    const sheetName = this.nameOf(sheet);
    const cells = address.replace(/\$/g, "").toUpperCase();
    const key = `range:${cells}`;
    if (sheet[key]) return sheet[key];
    // The mock calls these handlers with its own `this`; they reach the workbook through `fake`.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    const data: Record<string, FakeCell> = sheet._fakeCells;
    const box = bounds(cells);
    const grid = <T>(pick: (cell: FakeCell | undefined) => T): T[][] =>
      box
        ? Array.from({ length: box.bottom - box.top + 1 }, (_, r) =>
            Array.from({ length: box.right - box.left + 1 }, (_, c) =>
              pick(data[cellAddress(box.top + r, box.left + c)])
            )
          )
        : [];
    sheet.addMock(key);
    const range = sheet[key] as Mock;
    range._fakeAddress = `${sheetName}!${cells}`;
    range.populate({
      address: `${sheetName}!${cells}`,
      values: grid((cell) => cell?.value ?? ""),
      formulas: grid((cell) => cell?.formula ?? cell?.value ?? ""),
      valueTypes: grid(valueType),
      numberFormat: grid(() => "General"),
      worksheet: { name: sheetName },
      format: {
        font: { bold: false, color: "#000000", size: 11 },
        fill: { color: "#FFFFFF" },
        wrapText: false,
        verticalAlignment: "Bottom",
        columnWidth: 64,
      },
      select: () => fake.selected.push(`${fake.nameOf(sheet)}!${cells}`),
      conditionalFormats: {
        add: (type: string) => {
          const rule = {
            textComparison: { format: { fill: {}, font: {} }, rule: undefined as unknown },
          };
          fake.conditionalFormats.push({
            range: `${fake.nameOf(sheet)}!${cells}`,
            type,
            rule: () => ({
              ...(rule.textComparison.rule as object),
              fill: (rule.textComparison.format.fill as { color?: string }).color,
            }),
          });
          return rule;
        },
      },
      calculate: () => {
        fake.calculatedRanges.push(`${fake.nameOf(sheet)}!${cells}`);
        fake.onRangeCalculate?.(`${fake.nameOf(sheet)}!${cells}`);
      },
      getEntireColumn: () =>
        fake.rangeOf(sheet, `${cells.replace(/\d+.*$/, "")}:${cells.replace(/\d+.*$/, "")}`),
      getSpillingToRangeOrNullObject: () => {
        const spill = fake.spills[`${sheetName}!${cells}`];
        if (!spill) return fake.nullObject();
        const spillKey = `spill:${cells}`;
        if (!sheet[spillKey]) {
          sheet.addMock(spillKey);
          sheet[spillKey].populate({
            address: spill.address,
            values: spill.values,
            valueTypes: spill.values.map((row) => row.map(() => "Double")),
          });
          sheet[spillKey].isNullObject = false;
        }
        return sheet[spillKey];
      },
    });
    range.isNullObject = false;
    return range;
  }

  private usedRange(sheet: Mock): Mock {
    const addresses = Object.keys(sheet._fakeCells);
    if (!addresses.length) return this.nullObject();
    const points = addresses.map((a) => bounds(a)!);
    const top = Math.min(...points.map((p) => p.top));
    const left = Math.min(...points.map((p) => p.left));
    const bottom = Math.max(...points.map((p) => p.bottom));
    const right = Math.max(...points.map((p) => p.right));
    return this.rangeOf(sheet, `${cellAddress(top, left)}:${cellAddress(bottom, right)}`);
  }
}

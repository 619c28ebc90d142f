/**
 * Builds examples/btu-sample.xlsx: a realistic model over both agreements (termination scenarios,
 * the bi-weekly fee schedule, a borrowing-base certificate, covenant tests FY2004–FY2006). The
 * formulas are stored as Excel shows them (`BTU.X(`); their cached values are computed by the
 * calculation core through the headless engine, so the file opens with numbers, add-in or not.
 *
 * Run: npm run examples
 */
import * as path from "path";
import { serialOf } from "../src/core";
import { parseWorkbook } from "../src/headless/workbook";
import { Cell, CellValue, Fill, Font, Workbook, Worksheet } from "./sample-writer";
import { applySheetEdits, recalcEdits, recalculate } from "../src/headless/recalc";
import { writeAtomically } from "../src/headless/files";

export const SAMPLE = path.join(__dirname, "..", "examples", "btu-sample.xlsx");

const MONEY = "#,##0.00;[Red]-#,##0.00";
const DATE = "yyyy-mm-dd";
const INPUT_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
const HEADER_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const INPUT_FONT: Font = { color: { argb: "FF1F4E79" } };

type Sheet = Worksheet;

function title(sheet: Sheet, text: string, note: string): void {
  sheet.getCell("A1").value = text;
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A2").value = note;
  sheet.getCell("A2").font = { italic: true, color: { argb: "FF595959" } };
}

function header(sheet: Sheet, row: number, labels: string[]): void {
  labels.forEach((label, i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = label;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: "middle" };
  });
}

function input(cell: Cell, value: CellValue, numFmt?: string): void {
  cell.value = value;
  cell.fill = INPUT_FILL;
  cell.font = INPUT_FONT;
  if (numFmt) cell.numFmt = numFmt;
}

function formula(cell: Cell, text: string, numFmt?: string): void {
  cell.value = { formula: text };
  if (numFmt) cell.numFmt = numFmt;
}

/** An Excel date input, as its serial (no Date object, so no time zone enters). */
const day = (y: number, m: number, d: number) => serialOf(y, m, d);

function termination(workbook: Workbook): void {
  const sheet = workbook.addWorksheet("Termination", { frozenRows: 2 });
  title(
    sheet,
    "Separation agreement (7 Feb 2003): termination payments",
    "SEP 4: lump sums for each way of ending the Consulting and Chairmanship Periods. Yellow cells are inputs."
  );
  sheet.columns = [
    { width: 34 },
    { width: 14 },
    { width: 16 },
    { width: 18 },
    { width: 18 },
    { width: 18 },
    { width: 18 },
    { width: 18 },
  ];

  sheet.getCell("A4").value = "Key scenario: Consulting Period ends on";
  sheet.getCell("A4").font = { bold: true };
  input(sheet.getCell("C4"), day(2005, 3, 31), DATE);
  header(sheet, 5, ["Result", "Clause", "", "Amount"]);
  const key: [string, string, string, string?][] = [
    ["Board terminates (4(b)(i))", "SEP 4(b)(i)", 'BTU.CONSULTING_LUMP($C$4,"board")', MONEY],
    [
      "Voluntary, simple 3% discount",
      "SEP 4(c)(i)",
      'BTU.CONSULTING_LUMP($C$4,"voluntary","simple")',
      MONEY,
    ],
    [
      "Voluntary, present-value discount",
      "SEP 4(c)(i)",
      'BTU.CONSULTING_LUMP($C$4,"voluntary","pv")',
      MONEY,
    ],
    ["Remaining consulting fees", "SEP 3(a)", "BTU.REMAINING_FEES($C$4)", MONEY],
    ["Contract year of the date", "SEP 3(b)", "BTU.CONTRACT_YEAR($C$4)"],
  ];
  key.forEach(([label, clause, text, fmt], i) => {
    sheet.getCell(6 + i, 1).value = label;
    sheet.getCell(6 + i, 2).value = clause;
    formula(sheet.getCell(6 + i, 4), text, fmt);
  });

  const top = 13;
  sheet.getCell(top - 1, 1).value =
    "Scenario table: each type of termination × dates inside its window (both discount methods)";
  sheet.getCell(top - 1, 1).font = { bold: true };
  header(sheet, top, [
    "Type (keyword)",
    "Clause",
    "Termination date",
    "Consulting (simple)",
    "Consulting (pv)",
    "Chairman (simple)",
    "Chairman (pv)",
    "Total (simple)",
  ]);
  const scenarios: [string, string, number][] = [
    ["cause", "SEP 4(a)", day(2004, 3, 31)],
    ["cause", "SEP 4(a)", day(2006, 3, 31)],
    ["board", "SEP 4(b)", day(2005, 10, 31)],
    ["board", "SEP 4(b)", day(2006, 6, 30)],
    ["voluntary", "SEP 4(c)", day(2005, 10, 31)],
    ["voluntary", "SEP 4(c)", day(2006, 6, 30)],
    ["good_reason", "SEP 4(d)", day(2003, 12, 31)],
    ["good_reason", "SEP 4(d)", day(2004, 6, 30)],
    ["change_of_control", "SEP 4(e)", day(2004, 6, 30)],
    ["change_of_control", "SEP 4(e)", day(2006, 6, 30)],
    ["not_elected", "SEP 4(f)", day(2004, 6, 30)],
    ["not_elected", "SEP 4(f)", day(2005, 6, 30)],
    ["death", "SEP 4(g)", day(2003, 5, 15)],
    ["death", "SEP 4(g)", day(2005, 3, 31)],
    ["disability", "SEP 4(h)", day(2004, 12, 31)],
    ["disability", "SEP 4(h)", day(2006, 3, 31)],
  ];
  const first = top + 1;
  const last = top + scenarios.length;
  scenarios.forEach(([type, clause, date], i) => {
    const r = first + i;
    input(sheet.getCell(r, 1), type);
    sheet.getCell(r, 2).value = clause;
    input(sheet.getCell(r, 3), date, DATE);
    // Column D is filled down the way Excel stores it: one shared formula.
    const consulting = sheet.getCell(r, 4);
    consulting.value =
      i === 0
        ? {
            formula: `BTU.CONSULTING_LUMP(C${r},A${r},"simple")`,
            shareType: "shared",
            ref: `D${first}:D${last}`,
          }
        : { sharedFormula: `D${first}` };
    consulting.numFmt = MONEY;
    formula(sheet.getCell(r, 5), `BTU.CONSULTING_LUMP(C${r},A${r},"pv")`, MONEY);
    formula(sheet.getCell(r, 6), `BTU.CHAIRMAN_LUMP(C${r},A${r},"simple")`, MONEY);
    formula(sheet.getCell(r, 7), `BTU.CHAIRMAN_LUMP(C${r},A${r},"pv")`, MONEY);
    formula(sheet.getCell(r, 8), `D${r}+F${r}`, MONEY);
  });

  const dates = last + 3;
  sheet.getCell(dates - 1, 1).value = "Notices and deadlines";
  sheet.getCell(dates - 1, 1).font = { bold: true };
  header(sheet, dates, ["Event", "Clause", "Input date", "Result date"]);
  const events: [string, string, number, string][] = [
    [
      "Board notice (consulting) → termination",
      "SEP 4(b)(i)",
      day(2004, 7, 1),
      'BTU.TERMINATION_DATE(C{r},"board")',
    ],
    [
      "Vested options after board termination",
      "SEP 3(c)(iv)(A)",
      day(2005, 10, 31),
      'BTU.OPTION_EXPIRY(C{r},"board")',
    ],
    [
      "Duress notification → election deadline",
      "SEP 4(c)(i)",
      day(2004, 12, 20),
      "BTU.ELECTION_DEADLINE(C{r})",
    ],
    [
      "First day disabled → earliest 4(h) notice",
      "SEP 4(h)",
      day(2005, 1, 10),
      "BTU.DISABILITY_NOTICE_DATE(C{r})",
    ],
  ];
  events.forEach(([label, clause, date, text], i) => {
    const r = dates + 1 + i;
    sheet.getCell(r, 1).value = label;
    sheet.getCell(r, 2).value = clause;
    input(sheet.getCell(r, 3), date, DATE);
    formula(sheet.getCell(r, 4), text.replace("{r}", String(r)), DATE);
  });
}

function feeSchedule(workbook: Workbook): void {
  const sheet = workbook.addWorksheet("Fee schedule", { frozenRows: 6 });
  title(
    sheet,
    "Bi-weekly fee schedule, 2003-07-01 to 2007-06-30",
    "SEP 3(a)-(b): 105 pay dates; each row is cumulative accrual to the pay date, rounded to cents, less earlier rows."
  );
  sheet.columns = [
    { width: 14 },
    { width: 16 },
    { width: 4 },
    { width: 14 },
    { width: 16 },
    { width: 4 },
    { width: 30 },
    { width: 18 },
  ];
  sheet.getCell("G4").value = "Total consulting (sum of rows)";
  formula(sheet.getCell("H4"), "SUM(B7:B111)", MONEY);
  sheet.getCell("G5").value = "Fees earned over the periods";
  formula(sheet.getCell("H5"), "BTU.FEES_EARNED(DATE(2003,7,1),DATE(2007,6,30))", MONEY);
  sheet.getCell("G6").value = "Chairman total (sum of rows)";
  formula(sheet.getCell("H6"), "SUM(E7:E111)", MONEY);
  sheet.getCell("A4").value = "Consulting Fee";
  sheet.getCell("D4").value = "Chairman Fee";
  sheet.getCell("A4").font = sheet.getCell("D4").font = { bold: true };
  header(sheet, 6, ["Pay date", "Consulting", "", "Pay date", "Chairman"]);
  // Stored as Excel stores a spilled range it cannot write as a dynamic array: a legacy array formula over the 105 rows.
  sheet.getCell("A7").value = {
    formula: 'BTU.FEE_SCHEDULE("consulting")',
    shareType: "array",
    ref: "A7:B111",
  };
  sheet.getCell("D7").value = {
    formula: 'BTU.FEE_SCHEDULE("chairman")',
    shareType: "array",
    ref: "D7:E111",
  };
  for (let r = 7; r <= 111; r++) {
    sheet.getCell(r, 1).numFmt = sheet.getCell(r, 4).numFmt = DATE;
    sheet.getCell(r, 2).numFmt = sheet.getCell(r, 5).numFmt = MONEY;
  }
}

function borrowingBase(workbook: Workbook): void {
  const sheet = workbook.addWorksheet("Borrowing base");
  title(
    sheet,
    "Borrowing Base Certificate: Sovereign Bank revolving credit",
    "FA 1(b), LMA I.A, SA 13(h). Yellow cells are inputs; the stress case cuts receivables by 40%."
  );
  sheet.columns = [{ width: 44 }, { width: 14 }, { width: 18 }, { width: 18 }];
  header(sheet, 4, ["Item", "Clause", "Actual", "Stress case"]);
  sheet.getCell("A5").value = "Certificate date";
  input(sheet.getCell("C5"), day(2004, 12, 31), DATE);
  formula(sheet.getCell("D5"), "C5", DATE);
  const receivables: [string, number][] = [
    ["Eligible receivables, 0–30 days", 3200000],
    ["Eligible receivables, 31–60 days", 1450000],
    ["Eligible receivables, 61–90 days", 350000],
  ];
  const inventory: [string, number][] = [
    ["Eligible inventory, raw materials", 2600000],
    ["Eligible inventory, work in process", 900000],
    ["Eligible inventory, finished goods", 1500000],
  ];
  [...receivables, ...inventory].forEach(([label, amount], i) => {
    const r = 6 + i;
    sheet.getCell(r, 1).value = label;
    sheet.getCell(r, 2).value = "FA 1(b)";
    input(sheet.getCell(r, 3), amount, MONEY);
    formula(sheet.getCell(r, 4), i < receivables.length ? `C${r}*0.6` : `C${r}`, MONEY);
  });
  const rows: [string, string, number | null][] = [
    ["Letters of credit outstanding (face)", "FA 1(b)", 250000],
    ["Letters of credit drawn, not reimbursed", "FA 1(b)", 0],
    ["Revolving loans outstanding", "LMA I.A", 4200000],
  ];
  rows.forEach(([label, clause, amount], i) => {
    const r = 12 + i;
    sheet.getCell(r, 1).value = label;
    sheet.getCell(r, 2).value = clause;
    input(sheet.getCell(r, 3), amount, MONEY);
    formula(sheet.getCell(r, 4), `C${r}`, MONEY);
  });
  const results: [string, string, (c: string) => string, string][] = [
    [
      "Receivables advance",
      "FA 1(b)",
      (c) => `BTU.TERM("loan.receivables_rate")*SUM(${c}6:${c}8)`,
      MONEY,
    ],
    [
      "Inventory advance (35%, capped)",
      "FA 1(b)",
      (c) => `BTU.INVENTORY_ADVANCE(${c}9:${c}11)`,
      MONEY,
    ],
    [
      "Borrowing Base",
      "FA 1(b)",
      (c) => `BTU.BORROWING_BASE(${c}6:${c}8,${c}9:${c}11,${c}12,${c}13,${c}5)`,
      MONEY,
    ],
    ["Revolving Credit commitment", "LMA I.A", () => 'BTU.TERM("loan.commitment")', MONEY],
    ["Availability", "FA 1(b)", (c) => `BTU.AVAILABILITY(${c}19,${c}14)`, MONEY],
    [
      "Over-advance (cure within 30 days of notice)",
      "SA 13(h)",
      (c) => `BTU.OVERADVANCE(${c}19,${c}14)`,
      MONEY,
    ],
    [
      "Availability if letters of credit also use the line",
      "LMA I.A",
      (c) => `BTU.AVAILABILITY(${c}19,${c}14,,${c}12+${c}13)`,
      MONEY,
    ],
    ["Facility termination date", "FA 1(a)", (c) => `BTU.FACILITY_TERMINATION_DATE(${c}5)`, DATE],
  ];
  header(sheet, 16, ["Result", "Clause", "Actual", "Stress case"]);
  results.forEach(([label, clause, text, fmt], i) => {
    const r = 17 + i;
    sheet.getCell(r, 1).value = label;
    sheet.getCell(r, 2).value = clause;
    formula(sheet.getCell(r, 3), text("C"), fmt);
    formula(sheet.getCell(r, 4), text("D"), fmt);
  });
  sheet.getCell(19, 1).font =
    sheet.getCell(19, 3).font =
    sheet.getCell(19, 4).font =
      { bold: true };
}

function covenants(workbook: Workbook): void {
  const sheet = workbook.addWorksheet("Covenants");
  title(
    sheet,
    "Financial covenants FY2004–FY2006",
    "FA 1(h)-tnw minimum tangible net worth, FA 1(i) quarterly net income, FA 1(j) leverage, FA 1(g) cross default."
  );
  sheet.columns = [
    { width: 14 },
    { width: 16 },
    { width: 18 },
    { width: 14 },
    { width: 18 },
    { width: 18 },
    { width: 20 },
    { width: 14 },
  ];
  header(sheet, 4, [
    "Fiscal year",
    "Net income",
    "Tangible net worth",
    "Year end",
    "Minimum TNW",
    "Headroom",
    "Minimum (running_total)",
  ]);
  const years: [number, number, number][] = [
    [2004, 1200000, 14500000],
    [2005, -300000, 14100000],
    [2006, 800000, 15000000],
  ];
  years.forEach(([year, income, tnw], i) => {
    const r = 5 + i;
    input(sheet.getCell(r, 1), year);
    input(sheet.getCell(r, 2), income, MONEY);
    input(sheet.getCell(r, 3), tnw, MONEY);
    formula(sheet.getCell(r, 4), `DATE(A${r},12,31)`, DATE);
    formula(sheet.getCell(r, 5), `BTU.MIN_TNW(D${r},$A$5:$A$7,$B$5:$B$7)`, MONEY);
    formula(sheet.getCell(r, 6), `BTU.TNW_HEADROOM(C${r},D${r},$A$5:$A$7,$B$5:$B$7)`, MONEY);
    formula(sheet.getCell(r, 7), `BTU.MIN_TNW(D${r},$A$5:$A$7,$B$5:$B$7,"running_total")`, MONEY);
  });

  sheet.getCell("A10").value =
    "TNW ledger (BTU.TNW_LEDGER): year, net income, step-up, minimum after the year end";
  sheet.getCell("A10").font = { bold: true };
  header(sheet, 11, ["Fiscal year", "Net income", "Step-up", "Minimum"]);
  sheet.getCell("A12").value = {
    formula: "BTU.TNW_LEDGER(A5:A7,B5:B7)",
    shareType: "array",
    ref: "A12:D14",
  };
  for (let r = 12; r <= 14; r++) for (let c = 2; c <= 4; c++) sheet.getCell(r, c).numFmt = MONEY;

  const top = 17;
  header(sheet, top, [
    "Quarter end",
    "Net income",
    "Total liabilities",
    "TNW",
    "Net income test",
    "Leverage ratio",
    "Maximum",
    "Leverage test",
  ]);
  const quarters: [number, number, number, number][] = [
    [day(2004, 3, 31), 250000, 9800000, 13600000],
    [day(2004, 6, 30), 310000, 10400000, 13900000],
    [day(2004, 9, 30), 280000, 11200000, 14200000],
    [day(2004, 12, 31), 360000, 12100000, 14500000],
    [day(2005, 3, 31), 150000, 12600000, 14600000],
    [day(2005, 6, 30), -520000, 13900000, 14100000],
    [day(2005, 9, 30), -80000, 14800000, 14000000],
    [day(2005, 12, 31), 150000, 15200000, 14100000],
    [day(2006, 3, 31), 120000, 16900000, 14300000],
    [day(2006, 6, 30), 180000, 22400000, 14500000],
    [day(2006, 9, 30), 210000, 29600000, 14700000],
    [day(2006, 12, 31), 290000, 31800000, 15000000],
  ];
  quarters.forEach(([date, income, liabilities, tnw], i) => {
    const r = top + 1 + i;
    input(sheet.getCell(r, 1), date, DATE);
    input(sheet.getCell(r, 2), income, MONEY);
    input(sheet.getCell(r, 3), liabilities, MONEY);
    input(sheet.getCell(r, 4), tnw, MONEY);
    formula(sheet.getCell(r, 5), `BTU.NET_INCOME_TEST(A${r},B${r})`);
    formula(sheet.getCell(r, 6), `C${r}/D${r}`, "0.00");
    formula(sheet.getCell(r, 7), `BTU.LEVERAGE_MAX(A${r})`, "0.00");
    formula(sheet.getCell(r, 8), `BTU.LEVERAGE_TEST(C${r},D${r},A${r})`);
  });

  const cross = top + quarters.length + 3;
  sheet.getCell(cross - 1, 1).value = "Cross default (FA 1(g)): other indebtedness not paid";
  sheet.getCell(cross - 1, 1).font = { bold: true };
  header(sheet, cross, ["Creditor", "Amount unpaid", "Disputed in good faith?"]);
  const debts: [string, number, boolean][] = [
    ["Equipment lessor", 12500, false],
    ["Freight carrier", 30000, true],
    ["Tooling supplier", 18000, false],
  ];
  debts.forEach(([name, amount, disputed], i) => {
    const r = cross + 1 + i;
    sheet.getCell(r, 1).value = name;
    input(sheet.getCell(r, 2), amount, MONEY);
    input(sheet.getCell(r, 3), disputed);
  });
  const end = cross + debts.length;
  sheet.getCell(end + 1, 1).value = "Cross default, disputes left out";
  formula(
    sheet.getCell(end + 1, 2),
    `BTU.CROSS_DEFAULT(B${cross + 1}:B${end},C${cross + 1}:C${end})`
  );
  sheet.getCell(end + 2, 1).value = "Cross default if nothing were disputed";
  formula(sheet.getCell(end + 2, 2), `BTU.CROSS_DEFAULT(B${cross + 1}:B${end})`);
}

/**
 * The two certificates for the Bank, each a labelled block of inputs (read from the model's own
 * sheets), the spilled function, its clauses and a signature block.
 */
function certificates(workbook: Workbook): void {
  const sheet = workbook.addWorksheet("Certificates");
  title(
    sheet,
    "Certificates for Sovereign Bank",
    "BTU.COMPLIANCE (FA 1(h)-tnw, FA 1(i), FA 1(j)) and BTU.BORROWING_BASE_CERTIFICATE (FA 1(b), LMA I.A, SA 13(h)). Inputs are read from the Covenants and Borrowing base sheets."
  );
  sheet.columns = [
    { width: 40 },
    { width: 14 },
    { width: 16 },
    { width: 16 },
    { width: 16 },
    { width: 14 },
    { width: 12 },
  ];
  const covenantInputs: [string, string, string?][] = [
    ["Test date (a quarter end)", "Covenants!A29", DATE],
    ["Tangible net worth", "Covenants!D29", MONEY],
    ["Net income of the quarter", "Covenants!B29", MONEY],
    ["Total liabilities", "Covenants!C29", MONEY],
  ];
  sheet.getCell("A4").value = "Covenant certificate: inputs";
  sheet.getCell("A4").font = { bold: true };
  covenantInputs.forEach(([label, source, fmt], i) => {
    sheet.getCell(5 + i, 1).value = label;
    formula(sheet.getCell(5 + i, 2), source, fmt);
  });
  header(sheet, 10, ["Covenant", "Clause", "Required", "Actual", "Headroom", "Share", "Status"]);
  sheet.getCell("A11").value = {
    formula: "BTU.COMPLIANCE(B5,B6,Covenants!A5:A7,Covenants!B5:B7,B7,B8)",
    shareType: "array",
    ref: "A11:G13",
  };
  for (let r = 11; r <= 13; r++) for (let c = 3; c <= 5; c++) sheet.getCell(r, c).numFmt = MONEY;
  for (let r = 11; r <= 13; r++) sheet.getCell(r, 6).numFmt = "0.0%";

  sheet.getCell("A16").value = "Borrowing-base certificate";
  sheet.getCell("A16").font = { bold: true };
  header(sheet, 17, ["Line", "Amount", "Clause"]);
  sheet.getCell("A18").value = {
    formula:
      "BTU.BORROWING_BASE_CERTIFICATE('Borrowing base'!C6:C8,'Borrowing base'!C9:C11,'Borrowing base'!C14,'Borrowing base'!C12,'Borrowing base'!C13)",
    shareType: "array",
    ref: "A18:C30",
  };
  for (let r = 18; r <= 30; r++) sheet.getCell(r, 2).numFmt = MONEY;

  // The deadlines three events start (BTU.EVENT_DEADLINES): date, deadline, clause.
  sheet.getCell("A39").value = "Deadlines an event starts";
  sheet.getCell("A39").font = { bold: true };
  header(sheet, 40, ["Event", "Event date", "", "Deadline", "What", "Clause"]);
  const events: [string, number][] = [
    ["duress_notification", day(2004, 12, 20)],
    ["insurance_cancellation", day(2005, 3, 1)],
    ["disability_start", day(2005, 1, 1)],
  ];
  events.forEach(([event, date], i) => {
    const r = 41 + i * 2;
    input(sheet.getCell(r, 1), event);
    input(sheet.getCell(r, 2), date, DATE);
    sheet.getCell(r, 4).value = {
      formula: `BTU.EVENT_DEADLINES(A${r},B${r})`,
      shareType: "array",
      ref: `D${r}:F${r + 1}`,
    };
    sheet.getCell(r, 4).numFmt = DATE;
    sheet.getCell(r + 1, 4).numFmt = DATE;
  });

  const sign = 33;
  sheet.getCell(sign, 1).value =
    "We certify that the figures above are taken from the books of BTU International, Inc.";
  sheet.getCell(sign + 2, 1).value = "Signed: ______________________________";
  sheet.getCell(sign + 3, 1).value = "Name and title: ______________________";
  sheet.getCell(sign + 4, 1).value = "Date: ________________________________";
}

export function buildSampleWorkbook(): Workbook {
  const workbook = new Workbook();
  workbook.creator = "btu-contract-functions (scripts/build-examples.ts)";
  termination(workbook);
  feeSchedule(workbook);
  borrowingBase(workbook);
  covenants(workbook);
  certificates(workbook);
  return workbook;
}

async function main(): Promise<void> {
  const draft = buildSampleWorkbook().write();
  const loaded = await parseWorkbook(SAMPLE, draft);
  const recalculation = recalculate(loaded);
  const { summary } = recalculation;
  if (summary.errors.length || summary.notRecomputed.length) {
    throw new Error(
      `the sample has errors: ${JSON.stringify([...summary.errors, ...summary.notRecomputed])}`
    );
  }
  applySheetEdits(loaded, recalcEdits(loaded, recalculation));
  await writeAtomically(SAMPLE, loaded.pkg.write());
  console.log(
    `${path.relative(process.cwd(), SAMPLE)}: ${summary.formulas} formulas (${summary.btuCells} BTU cells) on ${summary.sheets} sheets, cached values computed.`
  );
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

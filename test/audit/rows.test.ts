/**
 * The audit model as the taskpane uses it (no engine): rows built from a cell's formula, value and
 * inputs, explained by the core, and laid out the same way on every Audit sheet.
 */
import { AUDIT_FIRST_ROW, AUDIT_HEADERS, auditSheetRows, buildAuditRows } from "../../src/audit";

const cell = {
  sheet: "Termination",
  address: "C5",
  formula: "=BTU.CONSULTING_LUMP(B5,A5)",
  value: 427896.63,
  inputs: [
    { ref: "Termination!B5", value: 38442 },
    { ref: "Termination!A5", value: "voluntary" },
  ],
};

test("a voluntary lump (TERMS.md: 427,896.63 on 2005-03-31) is explained by the core, cited, and re-performed", () => {
  const [row] = buildAuditRows([cell]);
  expect(row).toMatchObject({
    sheet: "Termination",
    address: "C5",
    formula: cell.formula,
    value: 427896.63,
    kind: "money",
  });
  expect(row.inputs).toBe('Termination!B5 = 38442\nTermination!A5 = "voluntary"');
  expect(row.clauses).toEqual(expect.arrayContaining(["SEP 4(c)(i)", "SEP 3(a)", "SEP 3(b)"]));
  expect(row.steps.split("\n").pop()).toBe(
    "Lump sum (simple): $427,896.63 — SEP 4(c)(i) — Simple (literal) reading: the remainder less 3% × 2.249315 remaining years = 6.747945205% of it."
  );
  expect(row.interpretation).toMatch(/read literally/);
  expect(row.alternatives).toMatch(/^Present-value discount: \$/);
  expect(row.native).toMatch(
    /^=ROUND\(ROUND\(100\*\(204000\*\(MAX\(0,DATE\(2004,6,30\)-MAX\(Termination!B5,/
  );
  expect(row.nativeNote).toMatch(/A5 holds "voluntary"/);
});

test("the workbook's discount method is used where the formula gives none, and named on the sheet", () => {
  const [row] = buildAuditRows([{ ...cell, settings: { discountMethod: "pv" } }]);
  expect(row.steps).toMatch(/Lump sum \(present value\)/);
  expect(row.native).toMatch(/\(1\+0\.03\)\^/);
  const sheet = auditSheetRows([row], { discountMethod: "pv" });
  expect(sheet[1]).toEqual([
    "Workbook settings used",
    'btu.discountMethod = "pv"; btu.extraHolidays = none; btu.watchShare = not set (0.1)',
  ]);
});

test("an error cell is explained by its message and gets no native formula", () => {
  const [row] = buildAuditRows([
    {
      sheet: "S",
      address: "A1",
      formula: '=BTU.CONSULTING_LUMP(DATE(2003,6,30),"death")',
      value: "#N/A",
      inputs: [],
    },
  ]);
  expect(row.steps).toMatch(/^#N\/A SEP 4\(g\)/);
  expect(row.native).toBeUndefined();
  expect(row.nativeNote).toMatch(/error/);
});

test("the sheet layout: headers above the first data row, value in F, native in G, check in H", () => {
  const rows = buildAuditRows([
    cell,
    {
      sheet: "Covenants",
      address: "E5",
      formula: "=BTU.NET_INCOME_TEST(A5,B5)",
      value: "PASS",
      inputs: [
        { ref: "Covenants!A5", value: 38352 },
        { ref: "Covenants!B5", value: 360000 },
      ],
    },
  ]);
  const sheet = auditSheetRows(rows);
  expect(sheet[AUDIT_FIRST_ROW - 2]).toEqual([...AUDIT_HEADERS]);
  const [first, second] = sheet.slice(AUDIT_FIRST_ROW - 1);
  expect(AUDIT_HEADERS.indexOf("Value")).toBe(5);
  expect(first[5]).toBe(427896.63);
  expect(first[6]).toEqual({ formula: rows[0].native });
  expect(first[7]).toEqual({ formula: `=ROUND(F${AUDIT_FIRST_ROW}-G${AUDIT_FIRST_ROW},2)=0` });
  expect(second[7]).toEqual({ formula: `=F${AUDIT_FIRST_ROW + 1}=G${AUDIT_FIRST_ROW + 1}` });
});

/** Settings that change results, in the document's settings (office-addin-mock's Office.context). */
import { OfficeMockObject } from "office-addin-mock";
import { SETTING_KEYS } from "../../src/catalogue";
import {
  loadSettings,
  recalculate,
  saveSettings,
  SettingsStore,
} from "../../src/taskpane/settings";
import { FakeWorkbook } from "./fakeExcel";

function documentSettings(initial: Record<string, unknown> = {}, status = "succeeded") {
  const stored: Record<string, unknown> = { ...initial };
  const saved: Record<string, unknown>[] = [];
  const office = new OfficeMockObject({
    context: {
      document: {
        settings: {
          get: (key: string) => (key in stored ? stored[key] : null),
          set: (key: string, value: unknown) => {
            stored[key] = value;
          },
          remove: (key: string) => {
            delete stored[key];
          },
          saveAsync: (
            callback: (result: { status: string; error?: { message: string } }) => void
          ) => {
            saved.push({ ...stored });
            callback(
              status === "succeeded"
                ? { status }
                : { status, error: { message: "the document is read-only" } }
            );
          },
        },
      },
    },
  }) as unknown as { context: { document: { settings: SettingsStore } } };
  return { store: office.context.document.settings, stored, saved };
}

describe("workbook settings", () => {
  it("loads what the document holds", () => {
    const { store } = documentSettings({
      [SETTING_KEYS.discountMethod]: "pv",
      [SETTING_KEYS.extraHolidays]: [38630, "x"],
    });
    expect(loadSettings(store)).toEqual({ discountMethod: "pv", extraHolidays: [38630] });
    expect(loadSettings(documentSettings().store)).toEqual({});
  });

  it("saves to the document, sorted, and removes what is cleared", async () => {
    const { store, saved } = documentSettings({ [SETTING_KEYS.discountMethod]: "simple" });
    await saveSettings(store, { discountMethod: "pv", extraHolidays: [38700, 38630] });
    expect(saved.at(-1)).toEqual({
      [SETTING_KEYS.discountMethod]: "pv",
      [SETTING_KEYS.extraHolidays]: [38630, 38700],
    });
    await saveSettings(store, {});
    expect(saved.at(-1)).toEqual({});
  });

  it("reports a failed save", async () => {
    const { store } = documentSettings({}, "failed");
    await expect(saveSettings(store, { discountMethod: "pv" })).rejects.toThrow("read-only");
  });

  it("recalculates the workbook fully so BTU cells pick the settings up", async () => {
    const fake = new FakeWorkbook({ Sheet1: {} });
    await recalculate(fake.context as unknown as Excel.RequestContext);
    expect(fake.calculations).toEqual(["Full"]);
  });
});

/**
 * The number formats money and dates carry wherever the add-in writes them into a workbook: formatted
 * results of the functions, certificate inputs, chart tables.
 */
import type { ResultKind } from "./definition";

export const NUMBER_FORMATS: Partial<Record<ResultKind, string>> = {
  money: "$#,##0.00",
  date: "d mmm yyyy",
};

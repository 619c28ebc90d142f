/** The .xlsx package layer: read parts, scan worksheets, patch cells, add parts; Office-free and engine-free. */
export * from "./package";
export * from "./xml";
export * from "./sheet";
export * from "./cells";
export * from "./workbook";
export * from "./parts";
export * from "./zip";

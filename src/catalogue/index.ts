export * from "./coerce";
export * from "./specs";
export * from "./evaluate";
export * from "./clauseLibrary";
export * from "./formula";
export * from "./settings";
export * from "./literals";
export * from "./tokens";

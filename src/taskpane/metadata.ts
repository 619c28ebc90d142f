/**
 * The function help Excel shows, from the same functions.json the build generates for Excel
 * (custom-functions-metadata reads the JSDoc of src/functions). Fetched from the add-in's own
 * origin at run time, so the pane and Excel can never describe a function differently.
 */
export interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: ParameterMetadata[];
}

export type MetadataIndex = Map<string, FunctionMetadata>;

function indexMetadata(json: unknown): MetadataIndex {
  const functions = (json as { functions?: FunctionMetadata[] })?.functions ?? [];
  return new Map(functions.map((fn) => [fn.id.toUpperCase(), fn]));
}

export async function loadMetadata(url = "functions.json"): Promise<MetadataIndex> {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return indexMetadata(await response.json());
}

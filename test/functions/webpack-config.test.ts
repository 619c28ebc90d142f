/**
 * webpack.config.js without running webpack: the two entries of the shared runtime, the URL
 * rewrite for production, and office-addin-dev-certs (which installs a certificate authority)
 * loaded only by `webpack serve`.
 */
import type { Configuration } from "webpack";

let mockCertsLoaded = false;

jest.mock("office-addin-dev-certs", () => {
  mockCertsLoaded = true;
  return {
    getHttpsServerOptions: async () => ({ ca: "test-ca", key: "test-key", cert: "test-cert" }),
  };
});

type ConfigFactory = (
  env?: Record<string, unknown>,
  argv?: Record<string, unknown>
) => Promise<Configuration & { devServer?: Record<string, unknown> }>;

function loadConfig(): ConfigFactory {
  let factory!: ConfigFactory;
  jest.isolateModules(() => {
    // webpack.config.js is CommonJS, loaded fresh in each isolated registry.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    factory = require("../../webpack.config.js");
  });
  return factory;
}

const baseUrlOf = (config: Configuration) =>
  (config.plugins ?? []).map((plugin) => (plugin as { baseUrl?: string }).baseUrl).find(Boolean);

const savedBaseUrl = process.env.ADDIN_BASE_URL;

beforeEach(() => {
  mockCertsLoaded = false;
  delete process.env.ADDIN_BASE_URL;
});

afterAll(() => {
  if (savedBaseUrl === undefined) delete process.env.ADDIN_BASE_URL;
  else process.env.ADDIN_BASE_URL = savedBaseUrl;
});

test("a production build has the functions entry and the taskpane over its modules, and no dev server or certificate", async () => {
  process.env.ADDIN_BASE_URL = "https://addins.example.org/btu/";
  const config = await loadConfig()(
    { WEBPACK_BUNDLE: true, WEBPACK_BUILD: true },
    { mode: "production" }
  );
  expect(config.entry).toEqual({
    functions: "./src/functions/functions.ts",
    // One page runs both: the pane reuses the functions' modules rather than a second copy.
    taskpane: { import: "./src/taskpane/taskpane.ts", dependOn: "functions" },
  });
  expect(config.mode).toBe("production");
  expect(config.devServer).toBeUndefined();
  expect(mockCertsLoaded).toBe(false);
});

test("a development build does not load the certificate either", async () => {
  const config = await loadConfig()({ WEBPACK_BUILD: true }, { mode: "development" });
  expect(config.devServer).toBeUndefined();
  expect(baseUrlOf(config)).toBe("https://localhost:3000/");
  expect(mockCertsLoaded).toBe(false);
});

test("webpack serve gets https on port 3000 with the dev certificate", async () => {
  const config = await loadConfig()({ WEBPACK_SERVE: true }, { mode: "development" });
  expect(mockCertsLoaded).toBe(true);
  expect(config.devServer).toMatchObject({
    port: 3000,
    server: { type: "https", options: { ca: "test-ca", key: "test-key", cert: "test-cert" } },
  });
});

test("a production build without ADDIN_BASE_URL refuses to start, unless asked for a local build", async () => {
  await expect(loadConfig()({}, { mode: "production" })).rejects.toThrow(
    /ADDIN_BASE_URL is not set.*npm run build:dev/
  );
  expect(baseUrlOf(await loadConfig()({ local: true }, { mode: "production" }))).toBe(
    "https://localhost:3000/"
  );
});

test("production rewrites the localhost URLs to ADDIN_BASE_URL", async () => {
  process.env.ADDIN_BASE_URL = "https://addins.example.org/btu";
  expect(baseUrlOf(await loadConfig()({}, { mode: "production" }))).toBe(
    "https://addins.example.org/btu/"
  );
});

test("a production URL that is not https is refused", async () => {
  process.env.ADDIN_BASE_URL = "http://addins.example.org/";
  await expect(loadConfig()({}, { mode: "production" })).rejects.toThrow(/https/);
});

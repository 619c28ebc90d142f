/**
 * Builds the Excel add-in into dist/: functions.js and functions.json (the BTU.* custom functions),
 * taskpane.html loading both bundles (one shared runtime), the manifest, the icons and the function
 * reference under help/. In production every https://localhost:3000/ URL in the manifest and in
 * functions.json becomes ADDIN_BASE_URL, as the Office templates do with urlDev/urlProd; a
 * production build without it stops (see productionBaseUrl).
 *
 * The dev server's certificate (office-addin-dev-certs) is loaded only by `webpack serve`: creating
 * it installs a certificate authority, which a build, a test or CI must never do.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, sources } = require("webpack");

const DEV_BASE_URL = "https://localhost:3000/";

/**
 * Where the add-in will be served from. A production build must be told (a manifest pointing at a
 * placeholder host installs, then fails to load), unless asked for a local one with `--env local`;
 * `npm run build:dev` keeps localhost too.
 */
function productionBaseUrl(env) {
  if (env.local) return DEV_BASE_URL;
  const url = (process.env.ADDIN_BASE_URL || "").trim();
  if (!url)
    throw new Error(
      "ADDIN_BASE_URL is not set: give the https address dist/ will be published at (ADDIN_BASE_URL=https://your.host/path/ npm run build), or build for this machine with npm run build:dev."
    );
  if (!url.startsWith("https://"))
    throw new Error(
      `ADDIN_BASE_URL must be an https URL (Office loads add-ins only over https), not "${url}".`
    );
  return url.endsWith("/") ? url : `${url}/`;
}

/** scripts/ is TypeScript; it is loaded only when a compilation runs, never to read this config. */
let reference;
function functionReference() {
  reference ??= require("tsx/cjs/api").require("./scripts/function-reference.ts", __filename);
  return reference;
}

/** Generates help/ from the emitted functions.json, then points the published files at `baseUrl`. */
class AddinFilesPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  apply(compiler) {
    const name = "AddinFilesPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          // Absent only when custom-functions-metadata found errors; it has reported them already.
          const metadata = compilation.getAsset("functions.json");
          if (!metadata) return;
          const { html, css } = functionReference().buildFunctionReference(
            metadata.source.source().toString()
          );
          compilation.emitAsset("help/functions.html", new sources.RawSource(html));
          compilation.emitAsset("help/help.css", new sources.RawSource(css));
        }
      );
      compilation.hooks.processAssets.tap(
        { name, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        () => {
          const metadata = compilation.getAsset("functions.json");
          if (metadata) {
            // Lets money and date results carry their number format (formatted number values);
            // custom-functions-metadata has no tag for it.
            const json = JSON.parse(metadata.source.source().toString());
            json.allowCustomDataForDataTypeAny = true;
            compilation.updateAsset(
              "functions.json",
              new sources.RawSource(JSON.stringify(json, null, 4))
            );
          }
          if (this.baseUrl === DEV_BASE_URL) return;
          for (const file of ["manifest.xml", "functions.json"]) {
            const asset = compilation.getAsset(file);
            if (asset)
              compilation.updateAsset(
                file,
                new sources.RawSource(
                  asset.source.source().toString().split(DEV_BASE_URL).join(this.baseUrl)
                )
              );
          }
        }
      );
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const config = {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      // The pane runs in the same page as the functions (a shared runtime): it reuses their modules,
      // the core and decimal.js among them, instead of parsing and starting a second copy. Measured
      // over 15 interleaved loads, the first explanation painted at a median 212 ms instead of 252.
      // What the pane adds to a module both use ships in functions.js, so the functions' own imports
      // name the modules they need (src/functions/invoke.ts), not the catalogue's index.
      taskpane: { import: "./src/taskpane/taskpane.ts", dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Lazily loaded chunks (the clause text) get a content hash: Office caches add-in files hard.
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { configFile: "tsconfig.build.json", onlyCompileBundledFiles: true },
          },
        },
      ],
    },
    // One lazy chunk for the clause library and its search index, instead of a separate vendor chunk.
    optimization: { splitChunks: { cacheGroups: { defaultVendors: false } } },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "manifest.xml", to: "manifest.xml" },
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
        ],
      }),
      new AddinFilesPlugin(production ? productionBaseUrl(env) : DEV_BASE_URL),
    ],
  };
  if (serving) {
    const { getHttpsServerOptions } = require("office-addin-dev-certs");
    config.devServer = {
      port: 3000,
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await getHttpsServerOptions() },
    };
  }
  return config;
};

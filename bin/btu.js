#!/usr/bin/env node
/*
 * The `btu` command. It runs the TypeScript sources through tsx's require hook, so it works right
 * after `npm ci` with no build step to forget (npm may skip install scripts).
 */
"use strict";
require("tsx/cjs");
require("../src/cli/main.ts").run();

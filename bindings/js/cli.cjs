#!/usr/bin/env node
// `npx leadscore ...`: the C++ command-line tool compiled to WebAssembly for Node, with real file
// access (dist/leadscore-cli.{cjs,wasm}, built from bindings/cli like the native one): same
// commands, flags, output bytes and exit codes. Its domain checks use the package's full data
// pack, as the native tool does, unless --data or $LEADSCORE_DATA names another.
'use strict';
const path = require('node:path');
const createLeadscoreCli = require('../../dist/leadscore-cli.cjs');

const data = process.env.LEADSCORE_DATA || path.join(__dirname, '../../dist/data/full.bin');
// The program runs main() with process.argv's arguments and exits with its code.
createLeadscoreCli({ preRun: [(program) => { program.ENV.LEADSCORE_DATA = data; }] });

// require("dualts/vite") (package.json "exports", the "require" condition):
// the ES module build, through require(); src/commonjs.cts says why and
// checks Node.

import commonjs = require("../src/commonjs.cjs");

commonjs.assertRequireModule("dualts/vite");
module.exports = require("./vite.js");

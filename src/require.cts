// require("dualts") (package.json "exports", the "require" condition): the
// ES module build, through require(); commonjs.cts says why and checks Node.

import commonjs = require("./commonjs.cjs");

commonjs.assertRequireModule("dualts");
module.exports = require("./index.js");

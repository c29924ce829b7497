// require("dualts/optimize") (package.json "exports", the "require" condition): the
// ES module build, through require(); ../commonjs.cts says why and checks Node.

import commonjs = require("../commonjs.cjs");

commonjs.assertRequireModule("dualts/optimize");
module.exports = require("./index.js");

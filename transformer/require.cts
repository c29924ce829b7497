// require("dualts/transformer") (package.json "exports", the "require"
// condition; ts-patch loads the plugin this way): the ES module build,
// through require(); src/commonjs.cts says why and checks Node.

import commonjs = require("../src/commonjs.cjs");

commonjs.assertRequireModule("dualts/transformer");
module.exports = require("./index.js");

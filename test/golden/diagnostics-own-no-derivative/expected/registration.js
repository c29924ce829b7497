Object.defineProperty(ownStop, Symbol.for("dualts.derivative"), { value: {
        contract: 1,
        name: "ownStop",
        parameters: ["x"],
        diagnostics: ["input.ts:11:10 - error DUALTS1001: noDerivative(\u2026) has no derivative, but its arguments depend on the differentiated parameters of ownStop: this noDerivative is not dualts' noDerivative (it is declared in this module); import { noDerivative } from \"dualts\" to use dualts' own"],
    } });

// bench/RESULTS.md's section on dualts/optimize (report.ts places it): the
// issue's two goals judged per problem from one run's counts (L-BFGS's
// gradient evaluations against fmin's conjugate gradients; Levenberg–
// Marquardt's steps against ml-levenberg-marquardt's), the tables of counts,
// final values and times, and how each library was run and stops.

import { duration, ratio, version } from "./format.js";
import { endedAt, LEAST_SQUARES_OPTIONS, lbfgsTolerance, MAX_ITERATIONS, type FitRow, type MinimizeRow, type OptimizeRun } from "./optimize.js";
import type { Outcome } from "./optimize-peers.js";

/** A value for a table: 0, 6 significant digits, or an exponent (4 digits) for the very small and large. */
export function num(v: number): string {
  if (v === 0) return "0";
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6 ? v.toExponential(3) : String(Number(v.toPrecision(6)));
}

/**
 * How L-BFGS compares with fmin's CG on a problem. The goal is met where L-BFGS converged with no more
 * gradient evaluations, or where it reached f* and fmin's CG did not converge or stopped elsewhere.
 */
export function minimizeVerdict(r: MinimizeRow): "fewer" | "equal" | "more" | "fmin CG failed" | "L-BFGS did not converge" {
  if (!r.lbfgs.converged) return "L-BFGS did not converge";
  if (endedAt(r.lbfgs.value, r) === "minimum" && (!r.cg.converged || endedAt(r.cg.value, r) === "elsewhere")) return "fmin CG failed";
  return r.lbfgs.gradients < r.cg.gradients ? "fewer" : r.lbfgs.gradients === r.cg.gradients ? "equal" : "more";
}

/** How dualts' Levenberg–Marquardt compares with ml-levenberg-marquardt's finite differences: steps to the fit's target. */
export function fitVerdict(r: FitRow): "fewer" | "equal" | "more" | "dualts did not reach it" | "neither reached it" {
  if (Number.isNaN(r.dualts.toTarget)) return Number.isNaN(r.ml.toTarget) ? "neither reached it" : "dualts did not reach it";
  if (Number.isNaN(r.ml.toTarget) || r.dualts.toTarget < r.ml.toTarget) return "fewer";
  return r.dualts.toTarget === r.ml.toTarget ? "equal" : "more";
}

const list = (names: string[]) => (names.length === 0 ? "none" : names.join(", "));
const mark = (verdict: string) => (verdict === "fewer" || verdict === "equal" ? verdict : `**${verdict}**`);

/** Where a run ended, for a table: nothing at f*; the local minimum's value; "elsewhere". */
function where(o: Outcome, r: MinimizeRow): string {
  const at = endedAt(o.value, r);
  return at === "minimum" ? "" : at === "elsewhere" ? " (elsewhere)" : ` (local minimum ${num(at)})`;
}

/** A minimiser's cell: gradient evaluations (iterations), flagged where it did not converge or ended away from f*. */
function counts(o: Outcome, r: MinimizeRow, extra = ""): string {
  return `${o.gradients}${extra} (${o.iterations} it.)${o.converged ? "" : ` ✗ ${o.stoppedBy}`}${where(o, r)}`;
}

const steps = (n: number) => (Number.isNaN(n) ? "not reached" : String(n));
/** A time or a ratio, or "—" where the run was not timed (it did not converge or reach the target). */
const time = (ms: number) => (Number.isNaN(ms) ? "—" : duration(ms));
const times = (r: number) => (Number.isNaN(r) ? "—" : ratio(r));

function goals(run: OptimizeRun): string[] {
  const rows = run.minimize;
  const by = (v: ReturnType<typeof minimizeVerdict>) => rows.filter((r) => minimizeVerdict(r) === v);
  const [fewer, equal, more, cgFailed, lbfgsFailed] = (["fewer", "equal", "more", "fmin CG failed", "L-BFGS did not converge"] as const).map(by);
  const met = more.length === 0 && lbfgsFailed.length === 0 && fewer.length + cgFailed.length > rows.length / 2;
  const cgStop = (r: MinimizeRow) =>
    r.cg.converged
      ? `${r.name} (stopped at f = ${num(r.cg.value)} with ‖∇f‖₂ = ${num(r.cg.gradientNorm2)} after ${r.cg.gradients})`
      : `${r.name} (${MAX_ITERATIONS} iterations, f = ${num(r.cg.value)})`;
  const lbfgsStop = (r: MinimizeRow) =>
    `${r.name} (stopped by ${r.lbfgs.stoppedBy === "iterations" ? `its ${r.lbfgs.iterations} iterations after ${r.lbfgs.gradients} evaluations` : `"${r.lbfgs.stoppedBy}"`} at f = ${num(r.lbfgs.value)} with ‖∇f‖₂ = ${num(r.lbfgs.gradientNorm2)}, f* = ${num(r.minimum)}` +
    `${Number.isNaN(r.lbfgsToMinimum) ? "" : `; its value had reached f* after ${r.lbfgsToMinimum} evaluations, but not its gradient the tolerance`}; fmin's CG ${r.cg.converged ? `converged after ${r.cg.gradients}` : `did not converge either (f = ${num(r.cg.value)})`})`;
  const sameLocal = rows.filter((r) => typeof endedAt(r.lbfgs.value, r) === "number" && endedAt(r.lbfgs.value, r) === endedAt(r.cg.value, r)).map((r) => `${r.name}${where(r.lbfgs, r)}`);
  const bothTimed = rows.filter((r) => Number.isFinite(r.cgOverLbfgs));
  const fits = run.fits;
  const fv = (v: ReturnType<typeof fitVerdict>) => fits.filter((r) => fitVerdict(r) === v);
  const reachedBoth = fits.filter((r) => !Number.isNaN(r.ml.toTarget) && !Number.isNaN(r.mlExact.toTarget));
  const sameSteps = reachedBoth.filter((r) => r.ml.toTarget === r.mlExact.toTarget).length;
  const neither = fv("neither reached it");
  return [
    `- **L-BFGS needs no more gradient evaluations than fmin's conjugate gradients on any problem, and fewer on most: ${met ? "met" : "missed"}.** ` +
      `Of ${rows.length} problems, L-BFGS converged with fewer gradient evaluations on ${fewer.length}, as many on ${equal.length}, more on ${more.length}${more.length ? ` (${more.map((r) => `${r.name}: ${r.lbfgs.gradients} against ${r.cg.gradients}`).join("; ")})` : ""}; ` +
      `fmin's CG failed where L-BFGS reached f* on ${cgFailed.length}${cgFailed.length ? `: ${cgFailed.map(cgStop).join("; ")}` : ""}; ` +
      `L-BFGS did not converge on ${lbfgsFailed.length}${lbfgsFailed.length ? `: ${lbfgsFailed.map(lbfgsStop).join("; ")}` : ""}. ` +
      `Both stopped at the same other local minimum on ${list(sameLocal)}. ` +
      `In time to converge, L-BFGS was faster than fmin's CG on ${bothTimed.filter((r) => r.cgOverLbfgs > 1).length} of the ${bothTimed.length} problems where both converged.`,
    `- **Levenberg–Marquardt with exact Jacobians converges in fewer iterations than ml-levenberg-marquardt's finite differences: ${fv("fewer").length === fits.length ? "met" : "missed"}.** ` +
      `Steps to the target, of ${fits.length} fits: dualts fewer on ${fv("fewer").length} (${list(fv("fewer").map((r) => `${r.name}: ${steps(r.dualts.toTarget)} against ${steps(r.ml.toTarget)}`))}), as many on ${fv("equal").length} (${list(fv("equal").map((r) => `${r.name}: ${r.dualts.toTarget}`))}), more on ${fv("more").length} (${list(fv("more").map((r) => `${r.name}: ${r.dualts.toTarget} against ${r.ml.toTarget}`))}); ` +
      `neither reached it on ${list(neither.map((r) => `${r.name} (½Σr²: dualts ${num(r.dualts.value)}, stopped by ${r.dualts.stoppedBy === "iterations" ? `its ${r.dualts.iterations} steps` : `"${r.dualts.stoppedBy}"`}; ml-levenberg-marquardt ${num(r.ml.value)}; the minimum ${num(r.best)})`))}; ` +
      `ml-levenberg-marquardt alone did not on ${list(fits.filter((r) => Number.isNaN(r.ml.toTarget) && !Number.isNaN(r.dualts.toTarget)).map((r) => `${r.name} (${r.ml.stoppedBy})`))}; ` +
      `dualts alone did not on ${list(fv("dualts did not reach it").map((r) => `${r.name} (stopped by "${r.dualts.stoppedBy}" at ${num(r.dualts.value)})`))}. ` +
      `Given dualts' exact Jacobian, ml-levenberg-marquardt took as many steps as with its differences on ${sameSteps} of the ${reachedBoth.length} fits both reached: its step counts come from its algorithm (nearly undamped Gauss–Newton steps, all taken), not from the differences.`,
  ];
}

function minimizeTables(rows: readonly MinimizeRow[], budgetMs: number): string[] {
  return [
    "### Minimisation: evaluations to converge",
    "",
    `Gradient evaluations (value and gradient together; iterations in parentheses). dualts' L-BFGS and Newton stop at max |∂f/∂xᵢ| ≤ 1e-5/√n, which implies fmin's hard-coded ‖∇f‖₂ ≤ 1e-5: they stop no earlier than fmin's test would. ✗: stopped without converging. A run reached f* where f − f* ≤ 1e-5·(f(x0) − f*) + 1e-5·|f*| (Moré and Wild's test at τ = 1e-5, and MGH's 6 digits); otherwise the cell says at which of MGH's other local minima it stopped, or "elsewhere". "L-BFGS to 1e-8": its evaluations to its default tolerance, for comparison.`,
    "",
    "| problem | n | L-BFGS | fmin CG | Newton (+ Hessians) | L-BFGS to 1e-8 | f* | final f: L-BFGS | fmin CG | Newton | goal |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.n} | ${counts(r.lbfgs, r)} | ${counts(r.cg, r)} | ${counts(r.newton, r, ` + ${r.newton.hessians}`)} | ${r.lbfgsDefault.gradients} | ${num(r.minimum)} | ${num(r.lbfgs.value)} | ${num(r.cg.value)} | ${num(r.newton.value)} | ${mark(minimizeVerdict(r))} |`,
    ),
    "",
    "### Minimisation: time to converge",
    "",
    `Median time of a whole run, x0 to convergence, the three contenders timed interleaved (bench/harness.ts's interleaved: rounds within ${duration(budgetMs)} per problem, at least 3 and at most 41, each contender one batch of runs per round, the order reversed every other round); fmin CG ÷ L-BFGS is the median of the rounds' ratios. —: the run did not converge and was not timed.`,
    "",
    "| problem | L-BFGS | fmin CG | Newton | time, fmin CG ÷ L-BFGS | gradient evaluations, fmin CG ÷ L-BFGS |",
    "|---|--:|--:|--:|--:|--:|",
    ...rows.map((r) => `| ${r.name} | ${time(r.ms.lbfgs)} | ${time(r.ms.cg)} | ${time(r.ms.newton)} | ${times(r.cgOverLbfgs)} | ${ratio(r.cg.gradients / r.lbfgs.gradients)} |`),
    "",
  ];
}

function fitTables(rows: readonly FitRow[], budgetMs: number): string[] {
  return [
    "### Least squares: steps to the best value",
    "",
    `Steps until ½Σr² first comes within 1e-6 (relative, plus 1e-12) of the fit's best value: the lowest any contender found where it agrees with the set's minimum to the set's 6 digits (or the set gives none), else the set's minimum. dualts counts trial steps, rejected ones too; ml-levenberg-marquardt rejects none; its forward differences cost n residual evaluations per step. The final values are each run's own end: dualts' stopping rules; ml-levenberg-marquardt's ${MAX_ITERATIONS} steps, as it has no other stop where the minimum is not 0.`,
    "",
    "| fit | n × m | best ½Σr² | dualts: steps (Jacobians, residuals) | ml-levenberg-marquardt, differences: steps (residuals) | the same with dualts' Jacobian | final ½Σr²: dualts | ml | ml, exact J | goal |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ...rows.map((r) => {
      // A run that threw has no steps to divide by: its cells say what it threw.
      const threw = r.ml.stoppedBy.startsWith("threw") ? r.ml.stoppedBy : undefined;
      const mlCell = `${steps(r.ml.toTarget)} (${threw ?? `${(r.ml.values / r.ml.iterations).toFixed(0)} r per step`})`;
      const ownStop = `${steps(r.dualts.toTarget)} (stops at ${r.dualts.iterations}: ${r.dualts.stoppedBy}; ${r.dualts.gradients} J, ${r.dualts.values} r)`;
      return `| ${r.name} | ${r.n} × ${r.m} | ${num(r.best)} | ${ownStop} | ${mlCell} | ${steps(r.mlExact.toTarget)} | ${num(r.dualts.value)} | ${threw ? "—" : num(r.ml.value)} | ${num(r.mlExact.value)} | ${mark(fitVerdict(r))} |`;
    }),
    "",
    `Time to the target: each contender run with as many steps as it needs to reach it (maxIterations set to that), timed interleaved as above (${duration(budgetMs)} per fit); ml ÷ dualts is the median of the rounds' ratios (ml-levenberg-marquardt with its differences). —: it never reached the target and was not timed.`,
    "",
    "| fit | dualts | ml-levenberg-marquardt | ml, exact J | ml ÷ dualts |",
    "|---|--:|--:|--:|--:|",
    ...rows.map((r) => `| ${r.name} | ${time(r.ms.dualts)} | ${time(r.ms.ml)} | ${time(r.ms.mlExact)} | ${times(r.mlOverDualts)} |`),
    "",
  ];
}

/** The section's lines. */
export function optimizeSection(run: OptimizeRun): string[] {
  return [
    "## Optimisation: dualts/optimize against fmin and ml-levenberg-marquardt",
    "",
    `The Moré–Garbow–Hillstrom problems and fits of test/support/optimization-problems.ts; fmin ${version("fmin")}, ml-levenberg-marquardt ${version("ml-levenberg-marquardt")}. Counts come from one run of each (they are deterministic); times are medians of whole runs.`,
    "",
    ...goals(run),
    "",
    ...minimizeTables(run.minimize, run.budgetMs),
    ...fitTables(run.fits, run.budgetMs),
    "How each was run:",
    "",
    `- dualts \`minimize(f, x0, { method, gradientTolerance, maxIterations })\` with \`method\` "lbfgs" (the default: history 10, Moré–Thuente strong Wolfe search, c2 = 0.9) or "newton" (dense Hessians up to 50 variables), \`gradientTolerance\` 1e-5/√n on max |∂f/∂xᵢ| (for n = 2: ${num(lbfgsTolerance(2))}) and \`maxIterations\` ${MAX_ITERATIONS} (Newton's default is 100), no step or value test.`,
    `- fmin \`conjugateGradient(f, x0, { maxIterations: ${MAX_ITERATIONS} })\` (its default is 20·n), f writing the gradient from dualts' \`valueAndGrad(f, { wrt: [0] })\` (made once per run, as minimize makes its own) into fmin's array. Polak–Ribière+ directions, a Wolfe line search (c1 = 1e-6, c2 = 0.1; the first trial step is the previous step, doubled until bracketed, then bisected); it stops when ‖∇f‖₂ ≤ 1e-5, a tolerance it does not let the caller set, or after maxIterations line searches.`,
    `- dualts \`leastSquares(r, x0, options)\` with its defaults, given explicitly: damping ${LEAST_SQUARES_OPTIONS.damping} relative to JᵀJ's scaled diagonal; it stops at max |(Jᵀr)ᵢ| ≤ ${LEAST_SQUARES_OPTIONS.gradientTolerance}, at a step within ${LEAST_SQUARES_OPTIONS.stepTolerance} of x's size, or after ${LEAST_SQUARES_OPTIONS.maxIterations} trial steps.`,
    `- ml-levenberg-marquardt \`levenbergMarquardt(data, model, options)\` with r written as the model m(p)(i) = −rᵢ(p) on data xᵢ = i, yᵢ = 0 (r evaluated once per p); options: damping 1e-2 (its default; added to JᵀJ's diagonal unscaled), maxIterations ${MAX_ITERATIONS} (its default 100 cuts some fits short), errorTolerance 2e-12 (it stops when Σr² ≤ this: ½Σr² ≤ 1e-12, the zero-residual target), gradientDifference √ε·max(1, |x0ᵢ|) per parameter (forward differences with the textbook step; its default 0.1 is far too coarse), centralDifference false. It takes every step, good or bad, returns the best point seen, and adjusts its damping by ×11 or ÷9. The "exact J" column gives it dualts' \`jacobian(r, { wrt: [0] })\` as jacobianFunction.`,
    "",
  ];
}

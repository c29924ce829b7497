// The JSDoc tag on a variable that holds an arrow function.

/** @differentiable */
export const cube = (x: number): number => x * x * x;

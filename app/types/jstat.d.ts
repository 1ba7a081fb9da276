// The part of jStat (https://github.com/jstat/jstat) the calibration statistics use; it ships no types.
declare module "jstat" {
  const jstat: {
    studentt: { inv(probability: number, degreesOfFreedom: number): number };
  };
  export default jstat;
}

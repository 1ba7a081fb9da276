// The part of jStat (https://github.com/jstat/jstat) the calibration statistics use; it ships no types.
declare module "jstat" {
  const jstat: {
    studentt: {
      inv(probability: number, degreesOfFreedom: number): number;
      cdf(value: number, degreesOfFreedom: number): number;
    };
    normal: {
      cdf(value: number, mean: number, sd: number): number;
      inv(probability: number, mean: number, sd: number): number;
    };
  };
  export default jstat;
}

/**
 * A learning-rate schedule: the learning rate to use at update number `step`, counting from 0
 * (the first update uses `schedule(0)`).
 */
export type Schedule = (step: number) => number;

/** A fixed learning rate or a schedule; every optimizer alias accepts either. */
export type LearningRate = number | Schedule;

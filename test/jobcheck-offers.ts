/** The contract's two example offers (CONTRACT.md, job-offer check), shared by the job-check tests. */
export const RISKY_OFFER = 'Factory work in Poland, 2500 EUR. Pay the agent 900 EUR before you travel. We keep your passport during the contract. Contract signed on arrival.';
export const FAIR_OFFER = 'Electrician, Novi Sad. Written employment contract before you start, salary 120,000 RSD net, social insurance from day one. No fees for applicants. Apply at the company office.';

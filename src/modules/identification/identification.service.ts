import { z } from 'zod';
import { invalidFields, parseOr400, type FieldProblem } from '../../platform/errors.js';
import { assess, unknownIndicators, type AssessmentResult } from './identification.engine.js';
import { ILO_CATALOGUE } from './ilo-catalogue.js';

export type { AssessmentResult } from './identification.engine.js';

export const ZIndicatorId = z.string().trim().min(1).max(100);
export const ZAge = z.number().int().min(0).max(130);

export const ZCreateAssessmentRequest = z.object({
  indicators: z.array(ZIndicatorId).max(500),
  age: ZAge.optional(),
});
export type TCreateAssessmentRequest = z.infer<typeof ZCreateAssessmentRequest>;

/** The ILO identification assessment: stateless, so case files and the live screen share it. */
export const IdentificationService = {
  assess(input: unknown): AssessmentResult {
    const req = parseOr400(ZCreateAssessmentRequest, input);
    return this.assessIndicators(req.indicators, req.age);
  },

  /**
   * Assesses ids whose shape is already checked; an unknown id is a 400 naming it at its place in
   * the caller's request (`indicators.3` by default).
   */
  assessIndicators(ids: readonly string[], age?: number, fieldOf?: (i: number) => string): AssessmentResult {
    const problems = this.indicatorProblems(ids, fieldOf);
    if (problems.length) throw invalidFields(problems);
    return assess(ids, age);
  },

  /** One problem per unknown id, so a caller can report them with its other bad fields. */
  indicatorProblems(ids: readonly string[], fieldOf = (i: number) => `indicators.${i}`): FieldProblem[] {
    const unknown = new Set(unknownIndicators(ids));
    return ids.flatMap((id, i) => (unknown.has(id) ? [{ field: fieldOf(i), message: `unknown indicator ${id}` }] : []));
  },

  /** The six dimensions and their indicators with strengths and labels, for the identification screen. */
  catalogue() {
    const f = ILO_CATALOGUE.file;
    return { title: f.title, source: f.source, dimensionRule: f.dimensionRule, combinationRule: f.combinationRule, dimensions: f.dimensions };
  },
};

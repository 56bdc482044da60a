export { allCriteria, criterionLeaves, findCriterion, isGroup, leaves } from './criteria';
export { rubricLayout, type CriterionLayout, type RubricLayout } from './layout';
export { criterionMax, criterionValue, fullMarks, rubricUnit, sheetTotal, toUnits } from './marks';

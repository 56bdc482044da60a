export { allCriteria, criterionLeaves, findCriterion, isGroup, leaves } from './criteria';
export { criterionMax, criterionValue, fullMarks, rubricUnit, sheetTotal, toUnits } from './marks';

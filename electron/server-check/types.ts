// The run's vocabulary lives in shared/ (the Studio API carries reports to the UI).
export { countStatuses, type CheckId, type CheckResult, type CheckStatus, type ServerCheckOptions, type ServerCheckReport } from '../../shared/model/server-check.ts';

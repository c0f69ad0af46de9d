/** Public face of the audit module: append an event (inside the caller's transaction) and read the trail. */
export { recordAudit, type AuditEntry, type AuditActor } from './services/record_audit.js'
export { default as AuditEvent } from './models/audit_event.js'
export { createCheckpoint, latestCheckpoint } from './services/checkpoints.js'
export { verifyAudit, type VerifyReport } from './services/verify.js'
export { registerPrint, verifyPrint, type PrintVerification } from './services/printed_reports.js'

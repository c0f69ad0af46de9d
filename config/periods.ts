/**
 * Reporting periods (SPEC §4). A month stays open for data entry until its last day plus this many working
 * days; PERIOD_GRACE_WORKING_DAYS overrides the default of 1.
 */
const grace = Number.parseInt(process.env.PERIOD_GRACE_WORKING_DAYS ?? '', 10)

const periodsConfig = {
  graceWorkingDays: Number.isInteger(grace) && grace >= 0 ? grace : 1,
}

export default periodsConfig

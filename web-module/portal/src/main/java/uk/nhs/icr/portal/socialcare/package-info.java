/**
 * The portal's social care pages: the care worker's round and visit (phone-sized: check in, tasks, medicines, drinks, check
 * out), and the coordinator's rota with its alerts, the day's overview by resident, the CQC reports and the hospital pack.
 */
package uk.nhs.icr.portal.socialcare;

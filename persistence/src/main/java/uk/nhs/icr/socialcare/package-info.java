/**
 * The digital social care record, held in its own database: people known to social care and, as the
 * record grows, their assessments, care plans, visits and safeguarding.
 */
package uk.nhs.icr.socialcare;

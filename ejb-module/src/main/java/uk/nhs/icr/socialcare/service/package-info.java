/**
 * Social care staff's writes to the social care record: assessments, care plans, care visits and safeguarding concerns.
 */
package uk.nhs.icr.socialcare.service;

/**
 * What every bounded context's services stand on: schema migration at start-up, field-level validation
 * failures, the application exceptions the edges turn into HTTP statuses or Faces messages, and paging.
 */
package uk.nhs.icr.platform.service;

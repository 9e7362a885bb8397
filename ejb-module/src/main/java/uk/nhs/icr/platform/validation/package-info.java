/**
 * The Bean Validation constraints that ICR's command records carry (required, plain text of a bounded length,
 * not in the future in England, fields in order), each with a message that reads after the field's label.
 */
package uk.nhs.icr.platform.validation;

/**
 * The API's OpenAPI document beyond what the resources' annotations say of themselves: what holds for every operation.
 */
package uk.nhs.icr.api.openapi;

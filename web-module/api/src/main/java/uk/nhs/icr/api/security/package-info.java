/**
 * API authentication. WildFly verifies the bearer token (MicroProfile JWT: RS256, {@code exp},
 * {@code iss}, {@code upn} or {@code sub}, {@code groups}) because this WAR's web.xml says
 * {@code MP-JWT}, against the key and issuer of the MicroProfile Config keys
 * {@code mp.jwt.verify.publickey(.location)} and {@code mp.jwt.verify.issuer}; this package turns the
 * verified token into ICR's caller, checked against the staff directory.
 */
package uk.nhs.icr.api.security;

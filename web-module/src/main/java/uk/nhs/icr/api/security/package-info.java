/**
 * API authentication: bearer tokens in the MicroProfile JWT format (RS256, {@code upn}, {@code groups}),
 * verified against the issuer and public key named by the standard MicroProfile Config keys
 * {@code mp.jwt.verify.issuer} and {@code mp.jwt.verify.publickey(.location)}. Verified here rather than
 * by WildFly's MP-JWT activation because WildFly allows MP-JWT only as a WAR's sole authentication method,
 * and this WAR also serves the portal's form sign-in.
 */
package uk.nhs.icr.api.security;

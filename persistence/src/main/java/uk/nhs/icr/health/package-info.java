/**
 * MicroProfile Health readiness per database, so a load balancer stops sending work when either is down.
 * These checks live in the EAR's library jar on purpose: WildFly registers health checks of the
 * top-level deployment only, not of EAR sub-deployments (WFLY-12835), so checks in the WAR or EJB jar
 * would silently never run.
 */
package uk.nhs.icr.health;

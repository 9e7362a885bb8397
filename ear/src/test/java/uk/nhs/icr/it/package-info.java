/**
 * End-to-end tests: each class deploys the built icr.ear into the managed WildFly (same CLI configuration
 * as the run command, its own pair of test databases) and checks it as a client would, over HTTP, and
 * by reading the hospital and social-care databases directly.
 */
package uk.nhs.icr.it;

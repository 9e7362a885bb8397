/**
 * The research extract, a Jakarta Batch job (JBeret, with its job repository in PostgreSQL): reads the patients in
 * chunks, decides each by the project's legal basis, and writes the pseudonymised, generalised dataset into the research
 * database, each chunk (dataset rows, extract log, progress) in one JTA transaction; then checks k-anonymity and
 * publishes or refuses. Restartable from its last checkpoint.
 */
package uk.nhs.icr.research.extract;

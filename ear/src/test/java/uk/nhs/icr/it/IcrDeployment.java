package uk.nhs.icr.it;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test of the very EAR the build produced, unchanged, talking to it from outside the server. Arquillian starts the
 * server; the application is deployed once for all such classes ({@link SuiteDeployment}), not once per class.
 */
@ExtendWith({ArquillianExtension.class, SuiteDeployment.class})
public abstract class IcrDeployment {
}

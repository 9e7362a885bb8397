package uk.nhs.icr.it;

import java.io.File;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** Deploys the very EAR the build produced, unchanged; tests talk to it from outside the server. */
@ExtendWith(ArquillianExtension.class)
public abstract class IcrDeployment {

    @Deployment(testable = false)
    public static EnterpriseArchive icrEar() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("icr.ear")));
    }
}

package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12: a request appends its audit row unsealed and the sealer chains it a moment later, so a server that stops
 * in between leaves committed rows outside the chain. Nothing is killed here: the application is stopped (undeployed),
 * rows are appended as a stopped server leaves them, and the application's next start seals them.
 */
@ExtendWith(ArquillianExtension.class)
class AuditSealedAfterRestartIT {

    private static final String ICR = "icr";

    @Deployment(name = ICR, managed = false, testable = false)
    public static EnterpriseArchive icrEar() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("icr.ear")));
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void rows_left_unsealed_while_the_server_was_down_are_sealed_when_it_starts_and_the_chain_verifies() throws InterruptedException {
        deployer.deploy(ICR);
        try {
            assertEquals(200, Api.get("/api/patients/" + Databases.firstDemoPatientAt("Y90001")).status(),
                    "an audited read before the stop");
            deployer.undeploy(ICR);

            String marker = AuditIT.appendUnsealed(3);
            Thread.sleep(1500);
            assertEquals(0, AuditIT.sealed(marker), "nothing seals while the application is down");

            deployer.deploy(ICR);
            AuditIT.awaitSealed(marker, 3);
            assertEquals(3, AuditIT.sealed(marker), "sealed after the start, without anyone asking");
            JsonObject verification = AuditIT.verify();
            assertTrue(verification.getBoolean("intact"), verification.toString());
        } finally {
            deployer.undeploy(ICR);
        }
    }
}

package uk.nhs.icr.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.jboss.as.controller.client.ModelControllerClient;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.wildfly.plugin.tools.Deployment;
import org.wildfly.plugin.tools.DeploymentManager;
import org.wildfly.plugin.tools.UndeployDescription;

/**
 * The EAR the build produced, deployed once for the whole end-to-end suite rather than once per test class: a deployment
 * costs about 20 seconds, and the suite has some seventy classes that talk to the same unchanged application over HTTP.
 * <p>
 * Registered after {@code ArquillianExtension}, which starts the managed server before the first class; the server and its
 * deployments are a throw-away copy (arquillian.xml), so nothing undeploys at the end. Before a class that deploys its own
 * copy of the application (with a test module inside it, or to stop and start it) the suite's copy is taken away
 * ({@link OwnDeployments}), because two copies cannot share a name or context roots; the next class that needs it deploys
 * it again.
 */
public final class SuiteDeployment implements BeforeAllCallback {

    /** The name Arquillian gives the same archive, so that the management paths tests read are the same either way. */
    static final String NAME = "icr.ear";

    private static ModelControllerClient client;
    private static boolean deployed;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        deploy();
    }

    private static synchronized void deploy() throws IOException {
        if (!deployed) {
            manager().deploy(Deployment.of(Path.of(System.getProperty("icr.ear"))).setName(NAME)).assertSuccess();
            deployed = true;
        }
    }

    private static synchronized void undeploy() throws IOException {
        if (deployed) {
            manager().undeploy(UndeployDescription.of(NAME)).assertSuccess();
            deployed = false;
        }
    }

    /** The test server's management interface (port from arquillian.xml), for tests that read or change its model. */
    static synchronized ModelControllerClient management() {
        if (client == null) {
            try {
                client = ModelControllerClient.Factory.create("remote+http", "127.0.0.1",
                        Integer.getInteger("icr.test.management-port"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return client;
    }

    private static DeploymentManager manager() {
        return DeploymentManager.create(management());
    }

    /**
     * Takes the suite's copy away before a class that deploys the application itself (one with an Arquillian
     * {@code @Deployment} of its own) starts. A launcher listener (META-INF/services) rather than an annotation on those
     * classes, because such a class also runs inside the server, where this class is not.
     */
    public static final class OwnDeployments implements TestExecutionListener {
        @Override
        public void executionStarted(TestIdentifier test) {
            if (test.getSource().orElse(null) instanceof ClassSource source && deploysItself(source.getJavaClass())) {
                try {
                    undeploy();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        private static boolean deploysItself(Class<?> test) {
            return !IcrDeployment.class.isAssignableFrom(test)
                    && Arrays.stream(test.getDeclaredMethods()).anyMatch(method -> method.isAnnotationPresent(
                            org.jboss.arquillian.container.test.api.Deployment.class));
        }
    }
}

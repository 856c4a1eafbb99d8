package se.socialfund.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training's linking pass (the package build runs the whole training, bootstrap/pom.xml): which classes of the
 * JVM's log of loaded classes (-Xlog:class+load=info:file=...:none) it asks for, and that asking does not run a
 * class's static initialiser.
 */
class StartArchiveRecordingTest {
    @Test
    void the_pass_asks_once_for_each_class_read_from_a_jar_or_module_and_for_nothing_else() {
        List<String> names = StartArchiveRecording.unarchivedClasses(List.of(
                "java.lang.Object source: shared objects file",
                "se.socialfund.bootstrap.Main source: shared objects file (top)",
                "java.util.zip.CRC32C source: jrt:/java.base",
                "se.socialfund.bootstrap.LocalTokens source: file:/app/lib/main/socialfund-bootstrap.jar",
                "se.socialfund.bootstrap.LocalTokens source: file:/app/lib/main/socialfund-bootstrap.jar",
                "se.socialfund.bootstrap.Main$$Lambda$12/0x0000000800c0a000 source: se.socialfund.bootstrap.Main",
                "jdk.proxy1.$Proxy0 source: __dynamic_proxy__",
                "se.socialfund.Generated source: __JVM_LookupDefineClass__",
                "[0.1s][info][class,load] java.util.zip.Adler32 source: jrt:/java.base",
                "no.such.Type source: file:/app/lib/main/gone.jar",
                ""));

        assertThat(names).containsExactly("java.util.zip.CRC32C", "se.socialfund.bootstrap.LocalTokens",
                "no.such.Type");
    }

    @Test
    void linking_does_not_run_a_class_s_static_initialiser_and_skips_names_no_loader_knows(@TempDir Path dir)
            throws Exception {
        Path log = Files.writeString(dir.resolve("class-load.log"), String.join("\n",
                Initialised.class.getName() + " source: file:/app/lib/main/socialfund-bootstrap-tests.jar",
                "no.such.Type source: file:/app/lib/main/gone.jar", ""));

        assertThat(StartArchiveRecording.linkLoadedClasses(log)).isEqualTo(1);
        assertThat(initialised).isFalse();
    }

    @Test
    void an_empty_log_links_nothing(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("class-load.log"), "");

        assertThat(StartArchiveRecording.linkLoadedClasses(log)).isZero();
    }

    static volatile boolean initialised;

    /** Loaded by the linking pass only: its initialiser would say so. */
    static final class Initialised {
        static {
            initialised = true;
        }
    }
}

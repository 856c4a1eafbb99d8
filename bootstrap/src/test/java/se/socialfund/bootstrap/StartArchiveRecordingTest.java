package se.socialfund.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training's linking pass reads the JVM's log of loaded classes (-Xlog:class+load=info:file=...:none): it asks
 * for each class loaded from the class path or the JDK's modules once, and leaves alone what an archive gave, hidden
 * classes, proxies and names no loader here knows. The package build runs the whole training (bootstrap/pom.xml).
 */
class StartArchiveRecordingTest {
    @Test
    void the_linking_pass_asks_once_for_each_class_loaded_from_a_jar_or_module_and_for_nothing_else(@TempDir Path dir)
            throws Exception {
        Path log = dir.resolve("class-load.log");
        Files.writeString(log, String.join("\n",
                "java.lang.Object source: shared objects file",
                "se.socialfund.bootstrap.Main source: shared objects file (top)",
                "java.util.zip.CRC32C source: jrt:/java.base",
                "se.socialfund.bootstrap.LocalTokens source: file:/app/lib/main/socialfund-bootstrap.jar",
                "se.socialfund.bootstrap.LocalTokens source: file:/app/lib/main/socialfund-bootstrap.jar",
                "se.socialfund.bootstrap.Main$$Lambda$12/0x0000000800c0a000 source: se.socialfund.bootstrap.Main",
                "jdk.proxy1.$Proxy0 source: __dynamic_proxy__",
                "no.such.Type source: file:/app/lib/main/gone.jar",
                "[0.1s][info][class,load] decorated lines are not this log's format",
                ""));

        assertThat(StartArchiveRecording.linkLoadedClasses(log)).isEqualTo(2);
    }

    @Test
    void an_empty_log_asks_for_nothing(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("class-load.log"), "");

        assertThat(StartArchiveRecording.linkLoadedClasses(log)).isZero();
    }
}

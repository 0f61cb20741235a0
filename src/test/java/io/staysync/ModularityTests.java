package io.staysync;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(StaysyncApplication.class);

	@Test
	void modulesOnlyUseEachOthersApis() {
		modules.verify();
	}

	@Test
	void everyModuleIsDetectedAndNoOtherOne() {
		assertThat(modules.stream().map(module -> module.getIdentifier().toString())).containsExactlyInAnyOrder("audit",
				"bookings", "channels", "common", "integrations", "properties", "security", "sync", "web", "webhooks");
	}

	/**
	 * Diagrams and module canvases go to {@code target/}: generated output is never
	 * tracked, so a test run leaves the working tree as it found it. docs/architecture.md
	 * is the written map.
	 */
	@Test
	void writesModuleDiagrams() {
		String folder = Path.of("target", "modules").toString();
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder)).writeDocumentation();
		assertThat(Path.of(folder, "components.puml")).exists();
	}

}

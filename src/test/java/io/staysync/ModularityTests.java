package io.staysync;

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
	void everyModuleOfTheDesignThatExistsIsDetected() {
		assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
			.contains("audit", "common", "security", "web");
	}

	@Test
	void writesModuleDiagrams() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation();
	}

}

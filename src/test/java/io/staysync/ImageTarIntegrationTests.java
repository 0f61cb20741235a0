package io.staysync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.staysync.ContainerImage.Entry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a runtime reads from the image the build wrote (target/staysync-image.tar): the
 * entrypoint starts this application with the image's own Java, as a user that is not
 * root and may write where it has to, with nothing secret baked in; and
 * deploy/compose.yaml runs that very image, twice, on PostgreSQL. Docker itself is not
 * here to run it: ImageStartsIntegrationTests starts the unpacked image instead.
 */
class ImageTarIntegrationTests {

	/**
	 * A variable that would hold a secret itself; {@code …_FILE} ones name a file
	 * instead.
	 */
	private static final Pattern SECRET_NAME = Pattern
		.compile("(?i)(?!.*_FILE$).*(PASSWORD|SECRET|TOKEN|KEYRING|CREDENTIAL|API_KEY).*");

	private static ContainerImage image;

	private static Map<String, Entry> files;

	@BeforeAll
	static void readImage() throws IOException {
		image = ContainerImage.built();
		files = image.files();
	}

	@Test
	void entrypointStartsTheApplicationWithTheImagesJava() throws IOException {
		List<String> entrypoint = image.list("Entrypoint");
		String java = image.entrypointProgram(files);

		assertThat(files.get(java)).as("%s in the image", java).isNotNull().matches(Entry::executable, "executable");
		assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")
			.endsWith("-cp", "@/app/jib-classpath-file", "io.staysync.StaysyncApplication");
		assertThat(files.keySet()).contains("/app/classes/io/staysync/StaysyncApplication.class",
				"/app/classes/io/staysync/HealthProbe.class", "/app/resources/application.properties");
		assertThat(image.list("Cmd")).as("no arguments: settings come from the environment").isEmpty();
	}

	@Test
	void everyJarOfTheClassPathIsInTheImage() throws IOException {
		String classPath = image.read("/app/jib-classpath-file");

		assertThat(classPath.strip().split(":")).hasSizeGreaterThan(50)
			.allSatisfy(entry -> assertThat(files).as("class path entry %s", entry).containsKey(entry));
	}

	@Test
	void runsAsAUserThatIsNotRootAndMayWriteItsDirectories() throws IOException {
		String user = image.config().get("User").asString();

		assertThat(user).matches("\\d+:\\d+");
		long uid = Long.parseLong(user.split(":")[0]);
		long gid = Long.parseLong(user.split(":")[1]);
		assertThat(uid).isNotZero();
		assertThat(gid).isNotZero();
		assertThat(passwd()).as("/etc/passwd names the user, for libraries that look it up")
			.containsPattern("(?m)^staysync:x:" + uid + ":" + gid + ":[^:]*:/home/staysync:");
		String workingDirectory = image.config().get("WorkingDir").asString();
		assertThat(List.of(workingDirectory, "/tmp", image.environment().get("HOME")))
			.allSatisfy(directory -> assertThat(files.get(directory)).as(directory)
				.isNotNull()
				.matches(Entry::directory, "a directory")
				.matches(entry -> entry.writableBy(uid), "writable by " + uid));
	}

	@Test
	void exposesTheHttpPortOnly() {
		assertThat(image.config().get("ExposedPorts").propertyNames()).containsExactly("8080/tcp");
	}

	@Test
	void carriesNoSecret() {
		assertThat(image.environment()).isNotEmpty()
			.allSatisfy(
					(name, value) -> assertThat(name).as("environment variable %s", name).doesNotMatch(SECRET_NAME));
		assertThat(files.keySet()).as("no keyring, database or local settings baked in")
			.noneMatch(path -> path.endsWith(".keyring") || path.endsWith(".mv.db")
					|| path.matches("/app/resources/application-.*\\.properties") || path.startsWith("/root/"));
	}

	/**
	 * The image is configured by environment only: every staysync.* setting must have an
	 * environment name (upper case, . and - as _), which a map of free keys would not.
	 */
	@Test
	void everySettingCanBeSetFromTheEnvironment() throws IOException {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		List<String> types = new ArrayList<>();
		metadata.get("properties").forEach(setting -> {
			if (setting.get("name").asString().startsWith("staysync.")) {
				types.add(setting.get("name").asString() + ": " + setting.get("type").asString());
			}
		});

		assertThat(types).hasSizeGreaterThan(50).noneMatch(type -> type.contains("java.util.Map"));
	}

	@Test
	void composeRunsTwoInstancesOfThisImageOnPostgres() throws IOException {
		Map<String, Object> compose = compose();
		Map<String, Object> services = map(compose.get("services"));
		List<Map<String, Object>> instances = services.values()
			.stream()
			.map(ImageTarIntegrationTests::map)
			.filter(service -> String.valueOf(service.get("image")).contains("staysync"))
			.toList();

		assertThat(services).containsKey("postgres");
		assertThat(map(services.get("postgres")).get("healthcheck")).isNotNull();
		assertThat(instances).hasSize(2).allSatisfy(this::runsThisImageWithItsSecretsAsFiles);
		assertThat(map(compose.get("secrets"))).containsKeys("keyring", "db_password", "admin_password");
	}

	private void runsThisImageWithItsSecretsAsFiles(Map<String, Object> service) {
		// ${STAYSYNC_IMAGE:-staysync:VERSION}: by default the tag the tar loads as
		assertThat(String.valueOf(service.get("image"))).endsWith(":-" + image.repoTags().get(0) + "}");
		assertThat(service).doesNotContainKey("user");
		Map<String, Object> environment = map(service.get("environment"));
		assertThat(environment).containsEntry("STAYSYNC_KEYRING_FILE", "/run/secrets/staysync-keyring")
			.containsEntry("SPRING_CONFIG_IMPORT", "optional:configtree:/run/secrets/")
			.containsKey("SPRING_DATASOURCE_URL")
			.allSatisfy((name, value) -> assertThat(name).as("a secret given in the clear: %s", name)
				.doesNotMatch(SECRET_NAME));
		assertThat(list(service.get("secrets"))).extracting(secret -> map(secret).get("target"))
			.containsExactlyInAnyOrder("staysync-keyring", "spring.datasource.password", "staysync.admin.password");
		Map<String, Object> healthcheck = map(service.get("healthcheck"));
		assertThat(list(healthcheck.get("test"))).startsWith("CMD", image.entrypointProgram(files))
			.endsWith("io.staysync.HealthProbe");
		assertThat(map(map(service.get("depends_on")).get("postgres"))).containsEntry("condition", "service_healthy");
	}

	private static String passwd() throws IOException {
		return image.read("/etc/passwd");
	}

	private static Map<String, Object> compose() throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("deploy", "compose.yaml"))) {
			return new Yaml().load(in);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<Object>) value;
	}

}

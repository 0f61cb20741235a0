package io.staysync;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The image the build wrote to {@code target/staysync-image.tar}, read the way
 * {@code docker load} reads it: {@code manifest.json} names the config and the layers in
 * order; the files of the running container are the layers laid over each other.
 */
final class ContainerImage {

	static final Path TAR = Path.of("target", "staysync-image.tar");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path tar;

	private final List<String> repoTags = new ArrayList<>();

	private final List<String> layers = new ArrayList<>();

	private final JsonNode config;

	private ContainerImage(Path tar) throws IOException {
		this.tar = tar;
		try (TarFile file = new TarFile(tar.toFile())) {
			JsonNode manifest = JSON.readTree(read(file, "manifest.json")).get(0);
			manifest.get("RepoTags").forEach(tag -> this.repoTags.add(tag.asString()));
			manifest.get("Layers").forEach(layer -> this.layers.add(layer.asString()));
			this.config = JSON.readTree(read(file, manifest.get("Config").asString())).get("config");
		}
	}

	static ContainerImage built() throws IOException {
		if (!Files.isRegularFile(TAR)) {
			throw new IllegalStateException(TAR + " is missing: the build writes it at the package phase "
					+ "(./mvnw verify, or ./mvnw package jib:buildTar); -DskipImage leaves it out");
		}
		return new ContainerImage(TAR);
	}

	List<String> repoTags() {
		return this.repoTags;
	}

	/**
	 * The container configuration: Entrypoint, Cmd, User, Env, ExposedPorts, WorkingDir.
	 */
	JsonNode config() {
		return this.config;
	}

	List<String> list(String field) {
		List<String> values = new ArrayList<>();
		JsonNode node = this.config.get(field);
		if (node != null && !node.isNull()) {
			node.forEach(value -> values.add(value.asString()));
		}
		return values;
	}

	Map<String, String> environment() {
		Map<String, String> environment = new LinkedHashMap<>();
		for (String entry : list("Env")) {
			int equals = entry.indexOf('=');
			environment.put(entry.substring(0, equals), entry.substring(equals + 1));
		}
		return environment;
	}

	/** The entrypoint's program as the runtime finds it: through the image's PATH. */
	String entrypointProgram(Map<String, Entry> files) {
		String program = list("Entrypoint").get(0);
		if (program.startsWith("/")) {
			return program;
		}
		for (String directory : environment().getOrDefault("PATH", "").split(":")) {
			String candidate = directory + "/" + program;
			if (files.containsKey(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException(program + " is on no directory of the image's PATH");
	}

	/** Every path of the container's file system with the last layer's word on it. */
	Map<String, Entry> files() throws IOException {
		Map<String, Entry> files = new LinkedHashMap<>();
		forEachLayerEntry((entry, content) -> files.put(entry.path(), entry));
		return files;
	}

	/** The text of one file of the container's file system. */
	String read(String path) throws IOException {
		String[] text = new String[1];
		forEachLayerEntry((entry, content) -> {
			if (entry.path().equals(path)) {
				try {
					text[0] = new String(content.readAllBytes(), StandardCharsets.UTF_8);
				}
				catch (IOException exception) {
					throw new UncheckedIOException(exception);
				}
			}
		});
		if (text[0] == null) {
			throw new IOException(path + " is not in the image");
		}
		return text[0];
	}

	/** Lays the layers out under {@code root}, modes included, as a runtime would. */
	void unpack(Path root) throws IOException {
		forEachLayerEntry((entry, content) -> {
			Path target = root.resolve(entry.path().substring(1)).normalize();
			if (!target.startsWith(root)) {
				throw new IllegalStateException("layer entry outside the root: " + entry.path());
			}
			try {
				if (entry.directory()) {
					Files.createDirectories(target);
				}
				else if (entry.linkTarget() != null) {
					Files.createDirectories(target.getParent());
					Files.deleteIfExists(target);
					Files.createSymbolicLink(target, Path.of(entry.linkTarget()));
					return;
				}
				else {
					Files.createDirectories(target.getParent());
					Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
				}
				Files.setPosixFilePermissions(target, permissions(entry.mode()));
			}
			catch (IOException exception) {
				throw new UncheckedIOException(exception);
			}
		});
	}

	/** One path of a layer: its mode bits, owner and, for links, target. */
	record Entry(String path, int mode, long uid, long gid, boolean directory, String linkTarget) {

		boolean executable() {
			return (this.mode & 0111) != 0;
		}

		boolean writableBy(long user) {
			return (this.mode & 0002) != 0 || (this.uid == user && (this.mode & 0200) != 0);
		}

	}

	private interface EntryHandler {

		void handle(Entry entry, InputStream content);

	}

	private void forEachLayerEntry(EntryHandler handler) throws IOException {
		try (TarFile file = new TarFile(this.tar.toFile())) {
			for (String layer : this.layers) {
				TarArchiveEntry blob = find(file, layer).orElseThrow(() -> new IOException("no layer " + layer));
				try (InputStream raw = file.getInputStream(blob);
						TarArchiveInputStream layerTar = new TarArchiveInputStream(new GZIPInputStream(raw))) {
					for (TarArchiveEntry entry = layerTar.getNextEntry(); entry != null; entry = layerTar
						.getNextEntry()) {
						String path = "/" + entry.getName().replaceFirst("^\\./", "").replaceFirst("/$", "");
						String link = entry.isSymbolicLink() ? entry.getLinkName() : null;
						handler.handle(new Entry(path, entry.getMode(), entry.getLongUserId(), entry.getLongGroupId(),
								entry.isDirectory(), link), layerTar);
					}
				}
			}
		}
	}

	private static String read(TarFile file, String name) throws IOException {
		TarArchiveEntry entry = find(file, name).orElseThrow(() -> new IOException("no " + name + " in the tar"));
		try (InputStream in = file.getInputStream(entry)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static Optional<TarArchiveEntry> find(TarFile file, String name) {
		return file.getEntries().stream().filter(entry -> entry.getName().equals(name)).findFirst();
	}

	private static Set<PosixFilePermission> permissions(int mode) {
		Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
		PosixFilePermission[] bits = PosixFilePermission.values();
		for (int bit = 0; bit < 9; bit++) {
			if ((mode & (0400 >> bit)) != 0) {
				permissions.add(bits[bit]);
			}
		}
		return permissions;
	}

}

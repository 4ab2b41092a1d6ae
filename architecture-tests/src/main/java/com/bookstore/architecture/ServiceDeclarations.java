package com.bookstore.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code ServiceLoader} provider-configuration file ({@code META-INF/services/<interface>}) as found in the class
 * path root (directory or jar) a class was loaded from.
 */
public final class ServiceDeclarations {

    private final String resourceName;

    private ServiceDeclarations(String resourceName) {
        this.resourceName = Objects.requireNonNull(resourceName, "resourceName");
    }

    /** Declarations in the resource {@code resourceName}, e.g. {@code META-INF/services/com.example.Spi}. */
    public static ServiceDeclarations inResource(String resourceName) {
        return new ServiceDeclarations(resourceName.startsWith("/") ? resourceName.substring(1) : resourceName);
    }

    /** The resource name, relative to a class path root. */
    public String resourceName() {
        return resourceName;
    }

    /** Whether the resource next to {@code provider} (same directory or jar) names it. */
    public boolean declares(JavaClass provider) {
        return classPathRootOf(provider).map(this::providersIn).orElse(Set.of()).contains(provider.getName());
    }

    /** The class names the resource in {@code classPathRoot} lists; empty if there is no such resource. */
    Set<String> providersIn(URI classPathRoot) {
        Set<String> providers = new LinkedHashSet<>();
        try {
            URLConnection connection = URI.create(classPathRoot + resourceName).toURL().openConnection();
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream();
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    int comment = line.indexOf('#');
                    String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
                    if (!name.isEmpty()) {
                        providers.add(name);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // no such resource: nothing declared
        }
        return providers;
    }

    /**
     * Where to add the provider's line: the source file of the resource when the class comes from a Maven output
     * directory, otherwise the resource inside the jar or directory it was loaded from.
     */
    public String fileToEdit(JavaClass provider) {
        Optional<URI> root = classPathRootOf(provider);
        if (root.isEmpty()) {
            return "src/main/resources/" + resourceName + " of the module that contains " + provider.getName();
        }
        URI uri = root.get();
        if ("file".equals(uri.getScheme())) {
            Path directory = Paths.get(uri);
            Path target = directory.getParent();
            if (target != null && target.getFileName() != null && "target".equals(target.getFileName().toString())) {
                String sourceSet = switch (directory.getFileName().toString()) {
                    case "classes" -> "main";
                    case "test-classes" -> "test";
                    default -> null;
                };
                if (sourceSet != null) {
                    return relativeToWorkingDirectory(
                            target.resolveSibling(Paths.get("src", sourceSet, "resources")).resolve(resourceName));
                }
            }
            return relativeToWorkingDirectory(directory.resolve(resourceName));
        }
        String location = uri.toString();
        int separator = location.indexOf("!/");
        if ("jar".equals(uri.getScheme()) && separator > 0) {
            String jar = location.substring("jar:".length(), separator);
            String jarName = jar.substring(jar.lastIndexOf('/') + 1);
            return "src/main/resources/" + resourceName + " of the module that builds " + jarName;
        }
        return resourceName + " in " + location;
    }

    /** The directory or jar root {@code javaClass} was imported from, as a URI ending in {@code /}. */
    static Optional<URI> classPathRootOf(JavaClass javaClass) {
        Optional<Source> source = javaClass.getSource();
        if (source.isEmpty()) {
            return Optional.empty();
        }
        String classFile = source.get().getUri().toString();
        String suffix = javaClass.getName().replace('.', '/') + ".class";
        if (!classFile.endsWith(suffix)) {
            return Optional.empty();
        }
        return Optional.of(URI.create(classFile.substring(0, classFile.length() - suffix.length())));
    }

    private static String relativeToWorkingDirectory(Path path) {
        Path workingDirectory = Paths.get("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return (absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute).toString()
                .replace('\\', '/');
    }

    @Override
    public String toString() {
        return resourceName;
    }
}

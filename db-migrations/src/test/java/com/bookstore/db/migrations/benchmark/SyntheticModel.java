package com.bookstore.db.migrations.benchmark;

import com.bookstore.db.core.registry.EntityRegistry;
import com.bookstore.db.core.spi.EntityContributor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.TargetType;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An entity model of any size, for the benchmark: the synthetic models must scale to hundreds of entities, which no
 * hand-written fixture does. The classes are generated with ByteBuddy (already on the class path through Hibernate),
 * written as class files into a directory and loaded by one {@link URLClassLoader} over it, so that Hibernate (which
 * resolves some types by name) and liquibase-hibernate (which reads a {@code hibernate.cfg.xml} resource) see them
 * like classes of a jar.
 *
 * <p>Entity {@code i}: {@code @Table(name = "bench_entity_<i>")}, an assigned {@code Long} id, eight columns of mixed
 * types and one {@code @ManyToOne(fetch = LAZY) parent} to entity {@code i - 1} (entity 0 to itself) with a named
 * foreign key. Lazy, as real models map it: an eager chain of 500 to-ones makes every session factory (which the
 * liquibase-hibernate baseline builds) plan 500-deep joined fetches and run out of a 6 GB heap.
 */
final class SyntheticModel {

    /** The resource name of the classic Hibernate configuration that lists the model's classes (for the baseline). */
    static final String HIBERNATE_CFG = "bench-hibernate.cfg.xml";

    private final String name;
    private final List<Class<?>> entityClasses;
    private final URLClassLoader classLoader;

    private SyntheticModel(String name, List<Class<?>> entityClasses, URLClassLoader classLoader) {
        this.name = name;
        this.entityClasses = entityClasses;
        this.classLoader = classLoader;
    }

    /** Generates {@code entities} entity classes (and the {@value #HIBERNATE_CFG} listing them) into {@code directory}. */
    static SyntheticModel generate(int entities, Path directory) throws IOException, ClassNotFoundException {
        String packageName = "bench.generated.n" + entities;
        List<String> classNames = new ArrayList<>();
        TypeDefinition previous = TargetType.DESCRIPTION; // entity 0 refers to itself
        for (int i = 0; i < entities; i++) {
            String className = packageName + ".BenchEntity" + i;
            DynamicType.Unloaded<Object> type = new ByteBuddy().subclass(Object.class).name(className)
                    .annotateType(annotation(Entity.class).build(),
                            annotation(Table.class).define("name", "bench_entity_" + i).build())
                    .defineField("id", Long.class, Visibility.PRIVATE).annotateField(annotation(Id.class).build())
                    .defineField("title", String.class, Visibility.PRIVATE)
                    .annotateField(column().define("length", 100).build())
                    .defineField("quantity", Integer.class, Visibility.PRIVATE).annotateField(column().build())
                    .defineField("stockCount", Long.class, Visibility.PRIVATE).annotateField(column().build())
                    .defineField("price", BigDecimal.class, Visibility.PRIVATE)
                    .annotateField(column().define("precision", 12).define("scale", 2).build())
                    .defineField("createdAt", Instant.class, Visibility.PRIVATE).annotateField(column().build())
                    .defineField("releaseDate", LocalDate.class, Visibility.PRIVATE).annotateField(column().build())
                    .defineField("active", Boolean.class, Visibility.PRIVATE).annotateField(column().build())
                    .defineField("code", String.class, Visibility.PRIVATE)
                    .annotateField(column().define("length", 40).define("nullable", false).build())
                    .defineField("parent", previous, Visibility.PRIVATE)
                    .annotateField(annotation(ManyToOne.class).define("fetch", FetchType.LAZY).build(), annotation(JoinColumn.class)
                            .define("name", "parent_id")
                            .define("foreignKey", annotation(ForeignKey.class)
                                    .define("name", "fk_bench_entity_" + i + "_parent").build())
                            .build())
                    .make();
            type.saveIn(directory.toFile());
            classNames.add(className);
            previous = type.getTypeDescription();
        }
        writeHibernateCfg(directory, classNames);
        URLClassLoader loader = new URLClassLoader("bench-model-" + entities,
                new URL[] {directory.toUri().toURL()}, SyntheticModel.class.getClassLoader());
        List<Class<?>> classes = new ArrayList<>();
        for (String className : classNames) {
            classes.add(Class.forName(className, true, loader));
        }
        return new SyntheticModel(entities + " entities", List.copyOf(classes), loader);
    }

    /**
     * An existing model (the bookstore's), with only the {@value #HIBERNATE_CFG} written into {@code directory} and a
     * class loader that adds that directory to the class path.
     */
    static SyntheticModel existing(String name, List<Class<?>> entityClasses, Path directory) throws IOException {
        writeHibernateCfg(directory, entityClasses.stream().map(Class::getName).toList());
        URLClassLoader loader = new URLClassLoader("bench-model-" + name, new URL[] {directory.toUri().toURL()},
                SyntheticModel.class.getClassLoader());
        return new SyntheticModel(name, List.copyOf(entityClasses), loader);
    }

    String name() {
        return name;
    }

    List<Class<?>> entityClasses() {
        return entityClasses;
    }

    /** Sees the generated classes and the {@value #HIBERNATE_CFG}; Hibernate needs it as thread context class loader. */
    ClassLoader classLoader() {
        return classLoader;
    }

    EntityRegistry registry() {
        List<Class<?>> classes = entityClasses;
        return EntityRegistry.of(new EntityContributor() {
            @Override
            public String moduleName() {
                return "benchmark";
            }

            @Override
            public List<Class<?>> entityClasses() {
                return classes;
            }
        });
    }

    /** The classic configuration a liquibase-hibernate user writes: the dialect and one mapping per entity class. */
    private static void writeHibernateCfg(Path directory, List<String> classNames) throws IOException {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <hibernate-configuration>
                  <session-factory>
                    <property name="hibernate.dialect">org.hibernate.dialect.PostgreSQLDialect</property>
                """);
        classNames.forEach(name -> xml.append("    <mapping class=\"").append(name).append("\"/>\n"));
        xml.append("  </session-factory>\n</hibernate-configuration>\n");
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(HIBERNATE_CFG), xml, StandardCharsets.UTF_8);
    }

    private static AnnotationDescription.Builder annotation(Class<? extends java.lang.annotation.Annotation> type) {
        return AnnotationDescription.Builder.ofType(type);
    }

    private static AnnotationDescription.Builder column() {
        return annotation(Column.class);
    }
}

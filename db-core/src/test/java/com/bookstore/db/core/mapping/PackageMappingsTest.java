package com.bookstore.db.core.mapping;

import com.bookstore.db.core.mapping.fixtures.MappingFixtures;
import com.bookstore.db.core.mapping.generators.GeneratorFixtures;
import com.bookstore.db.core.registry.EntityRegistry;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Package-level mappings ({@code package-info}) of registered entities are part of the model: Hibernate reads them
 * only for the packages it is given, and otherwise turns a named generator into a default sequence of that name.
 */
class PackageMappingsTest {

    @Test
    void a_generator_declared_on_the_entity_package_is_the_one_the_model_uses() {
        EntityRegistry registry = EntityRegistry.of(new GeneratorFixtures(), new MappingFixtures());

        Map<String, Integer> sequences = new TreeMap<>();
        try (SchemaMapping.OfflineModel model = SchemaMapping.offlineModel(registry)) {
            for (Namespace namespace : model.metadata().getDatabase().getNamespaces()) {
                for (Sequence sequence : namespace.getSequences()) {
                    sequences.put(sequence.getName().getSequenceName().getText(), sequence.getIncrementSize());
                }
            }
        }

        assertEquals(List.of("com.bookstore.db.core.mapping.generators"), registry.mappedPackages(),
                "only the package whose package-info carries annotations");
        assertEquals(7, sequences.get("gadget_number"), "the package's generator: " + sequences);
        assertEquals(null, sequences.get("gadget_ids"), "no default sequence named after the generator: " + sequences);
    }
}

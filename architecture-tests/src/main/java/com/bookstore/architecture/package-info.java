/**
 * Architecture rules of the bookstore persistence layer, written with ArchUnit.
 *
 * <p>One class per concern, each exposing {@code public static final ArchRule} fields that check the real project
 * ({@code com.bookstore..}) and a factory ({@code forRoot(...)} or {@code forServicesResource(...)}) that builds the
 * same rules over other packages, so the tests can prove each rule on deliberately broken fixtures:
 * <ul>
 *   <li>{@link com.bookstore.architecture.EntityRegistrationRules}: every {@code @Entity} is listed by exactly one
 *       {@code EntityContributor}, contributors list only entities and are declared for {@code ServiceLoader};</li>
 *   <li>{@link com.bookstore.architecture.ModuleDependencyRules}: the module dependency matrix, no cycles, Liquibase only
 *       in db-migrations, db-core internals only in db-core;</li>
 *   <li>{@link com.bookstore.architecture.EntityPlacementRules}: entities live in {@code com.bookstore.domain.*.model};</li>
 *   <li>{@link com.bookstore.architecture.SecretNamingRules}: no persistent field named like a plaintext secret;</li>
 *   <li>{@link com.bookstore.architecture.ModuleDocumentationRules}: every module root package has a
 *       {@code package-info} declaring its boundary.</li>
 * </ul>
 *
 * <p>Module boundary: architecture-tests may depend on every module (it only reads them); no module depends on it.
 */
package com.bookstore.architecture;

package com.bookstore.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** A service provider is named in the provider-configuration file of its own jar or output directory. */
final class BeDeclaredAsService extends ArchCondition<JavaClass> {

    private final ServiceDeclarations declarations;
    private final String serviceInterface;

    BeDeclaredAsService(ServiceDeclarations declarations, Class<?> serviceInterface) {
        super("be declared in " + declarations.resourceName() + " of their own jar or directory");
        this.declarations = declarations;
        this.serviceInterface = serviceInterface.getSimpleName();
    }

    @Override
    public void check(JavaClass provider, ConditionEvents events) {
        if (declarations.declares(provider)) {
            events.add(SimpleConditionEvent.satisfied(provider, provider.getName() + " is declared in "
                    + declarations.resourceName()));
        } else {
            events.add(SimpleConditionEvent.violated(provider, provider.getName() + " implements " + serviceInterface
                    + " but is not declared in " + declarations.resourceName() + " of its jar or directory, so "
                    + "ServiceLoader never finds it; add the line '" + provider.getName() + "' to "
                    + declarations.fileToEdit(provider)));
        }
    }
}

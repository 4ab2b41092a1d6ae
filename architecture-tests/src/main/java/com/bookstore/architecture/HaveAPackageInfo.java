package com.bookstore.architecture;

import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** A module root package has a {@code package-info} (whose Javadoc declares the module boundary). */
final class HaveAPackageInfo extends ArchCondition<ModuleRootPackage> {

    HaveAPackageInfo() {
        super("have a package-info declaring the module boundary");
    }

    @Override
    public void check(ModuleRootPackage root, ConditionEvents events) {
        if (root.hasPackageInfo()) {
            events.add(SimpleConditionEvent.satisfied(root, root.packageName() + " has a package-info"));
        } else {
            events.add(SimpleConditionEvent.violated(root, "Module " + root.module() + " has no package-info in its "
                    + "root package " + root.packageName() + "; add one (src/main/java/"
                    + root.packageName().replace('.', '/') + "/package-info.java in " + root.module()
                    + ") whose Javadoc declares the module boundary: its API and the modules it may depend on"));
        }
    }
}

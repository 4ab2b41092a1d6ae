package com.bookstore.architecture;

/** A module's root package and whether a {@code package-info} class was imported for it. */
record ModuleRootPackage(ProjectModule module, String packageName, boolean hasPackageInfo) {

    @Override
    public String toString() {
        return packageName;
    }
}

package org.portkit.resolve;

import org.eclipse.aether.repository.RemoteRepository;

/** A remote Maven repository as a POM or settings.xml names it. */
public record Repository(String id, String url) {
    public static Repository of(RemoteRepository r) {
        return new Repository(r.getId(), r.getUrl().endsWith("/") ? r.getUrl() : r.getUrl() + "/");
    }
}

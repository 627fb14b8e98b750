package org.portkit.resolve;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Profile;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.apache.maven.settings.io.xpp3.SettingsXpp3Writer;
import org.eclipse.aether.repository.AuthenticationSelector;
import org.eclipse.aether.repository.MirrorSelector;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.ProxySelector;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;
import org.portkit.failure.Failure;
import org.portkit.failure.PortkitException;

/**
 * The parts of Maven's settings.xml that decide where artifacts come from: mirrors, proxies,
 * server credentials, and repositories of active profiles. Read with Maven's own settings builder.
 */
public final class UserSettings {
    private final Settings settings;

    private UserSettings(Settings settings) {
        this.settings = settings;
    }

    public static UserSettings none() {
        return new UserSettings(new Settings());
    }

    /** Reads {@code file}, or {@code ~/.m2/settings.xml} when null and present. */
    public static UserSettings read(Path file) {
        Path user = file != null ? file : Path.of(System.getProperty("user.home"), ".m2", "settings.xml");
        if (file == null && !Files.isRegularFile(user)) {
            return none();
        }
        if (!Files.isRegularFile(user)) {
            throw new PortkitException(Failure.BAD_INPUT, "settings file " + user + " does not exist");
        }
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
        request.setUserSettingsFile(user.toFile());
        request.setSystemProperties(System.getProperties());
        try {
            return new UserSettings(new DefaultSettingsBuilderFactory().newInstance().build(request).getEffectiveSettings());
        } catch (SettingsBuildingException e) {
            throw new PortkitException(Failure.BAD_INPUT, "invalid settings file " + user + ": " + e.getMessage());
        }
    }

    /**
     * The effective settings as text: what a digest of a run's inputs takes, since mirrors,
     * proxies and profile repositories decide where each file comes from.
     */
    public String fingerprint() {
        StringWriter out = new StringWriter();
        try {
            new SettingsXpp3Writer().write(out, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public MirrorSelector mirrorSelector() {
        DefaultMirrorSelector selector = new DefaultMirrorSelector();
        for (Mirror m : settings.getMirrors()) {
            selector.add(m.getId(), m.getUrl(), m.getLayout(), false, m.isBlocked(), m.getMirrorOf(),
                    m.getMirrorOfLayouts());
        }
        return selector;
    }

    public ProxySelector proxySelector() {
        DefaultProxySelector selector = new DefaultProxySelector();
        for (org.apache.maven.settings.Proxy p : settings.getProxies()) {
            if (p.isActive()) {
                AuthenticationBuilder auth = new AuthenticationBuilder().addUsername(p.getUsername())
                        .addPassword(p.getPassword());
                selector.add(new Proxy(p.getProtocol(), p.getHost(), p.getPort(), auth.build()), p.getNonProxyHosts());
            }
        }
        return selector;
    }

    public AuthenticationSelector authenticationSelector() {
        DefaultAuthenticationSelector selector = new DefaultAuthenticationSelector();
        for (Server s : settings.getServers()) {
            selector.add(s.getId(), new AuthenticationBuilder().addUsername(s.getUsername())
                    .addPassword(s.getPassword()).addPrivateKey(s.getPrivateKey(), s.getPassphrase()).build());
        }
        return selector;
    }

    /** Repositories declared in settings profiles that are active by id or by default. */
    public List<RemoteRepository> repositories(boolean plugins) {
        List<RemoteRepository> result = new ArrayList<>();
        for (Profile p : settings.getProfiles()) {
            boolean active = settings.getActiveProfiles().contains(p.getId())
                    || (p.getActivation() != null && p.getActivation().isActiveByDefault());
            if (active) {
                for (org.apache.maven.settings.Repository r : plugins ? p.getPluginRepositories() : p.getRepositories()) {
                    result.add(Resolver.repository(r.getId(), r.getUrl(),
                            r.getReleases() == null || r.getReleases().isEnabled(),
                            r.getSnapshots() == null || r.getSnapshots().isEnabled()));
                }
            }
        }
        return result;
    }
}

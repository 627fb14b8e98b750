package org.portkit.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.portkit.lock.License;

class SpdxTest {
    /** Declarations as the POMs of the Jitsi closures write them (name | url), and what they are. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "The Apache Software License, Version 2.0 | http://www.apache.org/licenses/LICENSE-2.0.txt | Apache-2.0",
            "Apache License, Version 2.0 | -                                                | Apache-2.0",
            "Apache Public License 2.0   | -                                                | Apache-2.0",
            "Apache Software License v2.0| -                                                | Apache-2.0",
            "Apache License              | http://www.apache.org/licenses/LICENSE-2.0.html | Apache-2.0",
            "Apache-2.0                  | https://github.com/jitsi/ice4j/blob/master/LICENSE | Apache-2.0",
            "The MIT License (MIT)       | -                                                | MIT",
            "-                           | http://www.opensource.org/licenses/mit-license.php | MIT",
            "-                           | https://spdx.org/licenses/MIT.txt                | MIT",
            "BSD 2-Clause License        | -                                                | BSD-2-Clause",
            "Modified BSD                | -                                                | BSD-3-Clause",
            "BSD                         | http://asm.ow2.org/license.html                  | BSD-3-Clause",
            "Eclipse Distribution License - v 1.0 | -                                       | BSD-3-Clause",
            "EDL 1.0                     | -                                                | BSD-3-Clause",
            "Eclipse Public License - Version 1.0 | -                                       | EPL-1.0",
            "Eclipse Public License v. 2.0 | -                                              | EPL-2.0",
            "-                           | https://www.eclipse.org/legal/epl-v20.html       | EPL-2.0",
            "GNU LESSER GENERAL PUBLIC LICENSE, Version 2.1 | -                             | LGPL-2.1-only",
            "LGPL-2.1+                   | -                                                | LGPL-2.1-or-later",
            "LGPL-2.1-or-later           | -                                                | LGPL-2.1-or-later",
            "GNU General Public License, version 2 with the GNU Classpath Exception | -     | GPL-2.0-only WITH Classpath-exception-2.0",
            "GPL-2.0-with-classpath-exception | -                                           | GPL-2.0-only WITH Classpath-exception-2.0",
            "COMMON DEVELOPMENT AND DISTRIBUTION LICENSE (CDDL) Version 1.0 | -             | CDDL-1.0",
            "CDDL 1.1                    | -                                                | CDDL-1.1",
            "MPL 1.1                     | -                                                | MPL-1.1",
            "Mozilla Public License Version 2.0 | -                                         | MPL-2.0",
            "Public Domain               | -                                                | LicenseRef-Public-Domain",
            "Public Domain               | https://creativecommons.org/publicdomain/zero/1.0/ | LicenseRef-Public-Domain",
            "-                           | https://creativecommons.org/publicdomain/zero/1.0/ | CC0-1.0",
            "The Unlicense               | -                                                | Unlicense",
            "ISC License                 | -                                                | ISC",
            "0BSD                        | -                                                | 0BSD",
            // the SPDX list knows what the hand-made table did not
            "Apache License, Version 1.0 | -                                                | Apache-1.0",
            "Apache License 2.0 with LLVM exception | -                                     | Apache-2.0 WITH LLVM-exception",
            "GPL2 w/ CPE                 | https://www.gnu.org/software/classpath/license.html | GPL-2.0-only WITH Classpath-exception-2.0",
            "The GNU General Public License (GPL), Version 2, With Classpath Exception | -  | GPL-2.0-only WITH Classpath-exception-2.0",
            "GNU General Public License Version 2 | http://www.gnu.org/copyleft/gpl.html   | GPL-2.0-only",
            "GPL-2.0                     | http://www.gnu.org/licenses/gpl-2.0-standalone.html | GPL-2.0-only",
            "GNU Lesser General Public License v2.1 or any later version | -               | LGPL-2.1-or-later",
            "GNU Lesser General Public License version 3 | -                                | LGPL-3.0-only",
            "The (New) BSD License       | http://www.opensource.org/licenses/bsd-license.php | BSD-3-Clause",
            "Plexus                      | https://github.com/dom4j/dom4j/blob/master/LICENSE | Plexus",
            "Common Public License Version 1.0 | -                                          | CPL-1.0",
            "-                           | https://www.eclipse.org/legal/epl-2.0/           | EPL-2.0",
    })
    void identifiesWhatIsClear(String name, String url, String spdx) {
        assertEquals(License.spdx(spdx), Spdx.identify(List.of(new Spdx.Declared(name, url))));
    }

    /** Words or a URL that several listed licenses share (GPL-2.0-only and -or-later cite one page), or none has. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "The BSD License             | http://www.opensource.org/licenses/bsd-license.php",
            "GNU LESSER GENERAL PUBLIC LICENSE | http://www.gnu.org/licenses/lgpl.txt",
            "GNU Lesser General Public License (LGPL) | -",
            "-                           | https://www.gnu.org/licenses/old-licenses/gpl-2.0-standalone.html",
            "jQuery license              | jquery.org/license",
            "CDDL/GPLv2+CE               | https://github.com/javaee/activation/blob/master/LICENSE.txt",
            "Bouncy Castle Licence       | https://www.bouncycastle.org/licence.html",
    })
    void leavesTheAmbiguousUnknown(String name, String url) {
        assertFalse(Spdx.identify(List.of(new Spdx.Declared(name, url))).isKnown(), name);
    }

    @Test
    void freeMeansSomeAlternativeIsOnTheAllowList() {
        assertTrue(Spdx.isFree("Apache-2.0"));
        assertTrue(Spdx.isFree("EPL-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0"));
        assertTrue(Spdx.isFree("GPL-2.0-only WITH Classpath-exception-2.0"));
        assertTrue(Spdx.isFree("LGPL-2.1-or-later"));
        assertTrue(Spdx.isFree("BUSL-1.1 OR MIT"));
        assertFalse(Spdx.isFree("CC-BY-NC-4.0"));
        assertFalse(Spdx.isFree("BUSL-1.1"));
        assertFalse(Spdx.isFree("Something-Else-1.0"), "an id the list does not have is not vouched for");
        // the list's flags: WTFPL is FSF-free only, AAL OSI-approved only, CDDL-1.1 neither
        assertTrue(Spdx.isFree("WTFPL"));
        assertTrue(Spdx.isFree("AAL"));
        assertFalse(Spdx.isFree("CDDL-1.1"));
        assertTrue(Spdx.isFree("CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0"));
        assertTrue(Spdx.isFree(Spdx.PUBLIC_DOMAIN));
        assertTrue(Spdx.soundsNonFree("Commercial License <https://vendor.example/eula>"));
        assertTrue(Spdx.soundsNonFree("CC-BY-NC-SA 3.0"));
        assertFalse(Spdx.soundsNonFree("Bouncy Castle Licence <https://www.bouncycastle.org/licence.html>"));
    }

    /** Each line of pom-wording.txt names an id on the list and, read back, is that id: no line collides with the list. */
    @Test
    void everyWordingLineIdentifiesItsId() throws IOException {
        List<String> lines;
        try (InputStream in = Spdx.class.getResourceAsStream("pom-wording.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
        assertTrue(lines.size() > 10);
        for (String line : lines) {
            String[] f = line.split(" ", 3);
            boolean exception = f[1].contains("exception");
            String expected = exception ? "GPL-2.0-only WITH " + f[1] : f[1];
            Spdx.Declared declared = f[0].equals("url") ? new Spdx.Declared(exception ? "GPL-2.0 with it" : null, f[2])
                    : new Spdx.Declared(exception ? "GPL-2.0 with " + f[2] : f[2], null);
            assertEquals(License.spdx(expected), Spdx.identify(List.of(declared)), line);
        }
    }

    /**
     * The list is the one in the library's jar: opening it asks for no URL (a proxy selector sees every
     * HTTP connection the JDK makes, as the check at the end shows), and it is the whole list.
     */
    @Test
    void theListIsReadFromTheJarWithoutTheNetwork() throws IOException {
        List<URI> asked = new CopyOnWriteArrayList<>();
        ProxySelector before = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                asked.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
        });
        try {
            SpdxList.Listed listed = SpdxList.read(SpdxList.open());
            assertEquals(List.of(), asked, "the SPDX library asked the network");
            assertTrue(listed.licenses().size() > 500 && listed.exceptions().size() > 50, listed.version());
            assertTrue(listed.licenses().get("Apache-2.0").osi() && listed.licenses().get("Apache-2.0").fsf());
            HttpURLConnection probe = (HttpURLConnection) URI.create("http://127.0.0.1:9/").toURL().openConnection();
            probe.setConnectTimeout(1000);
            try {
                probe.connect();
            } catch (IOException expected) {
                // nothing listens on the discard port; the selector has seen the attempt all the same
            }
            assertEquals(List.of(URI.create("http://127.0.0.1:9/")), asked, "the selector sees connections");
        } finally {
            ProxySelector.setDefault(before);
        }
    }
}

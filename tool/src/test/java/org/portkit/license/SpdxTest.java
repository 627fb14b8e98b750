package org.portkit.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
    })
    void identifiesWhatIsClear(String name, String url, String spdx) {
        assertEquals(License.spdx(spdx), Spdx.identify(List.of(new Spdx.Declared(name, url))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "The BSD License             | http://www.opensource.org/licenses/bsd-license.php",
            "GNU LESSER GENERAL PUBLIC LICENSE | http://www.gnu.org/licenses/lgpl.txt",
            "Apache License, Version 1.0 | -",
            "Apache License 2.0 with LLVM exception | -",
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
        assertFalse(Spdx.isFree("Something-Else-1.0"), "an id the table does not know is not vouched for");
        assertTrue(Spdx.soundsNonFree("Commercial License <https://vendor.example/eula>"));
        assertTrue(Spdx.soundsNonFree("CC-BY-NC-SA 3.0"));
        assertFalse(Spdx.soundsNonFree("Bouncy Castle Licence <https://www.bouncycastle.org/licence.html>"));
    }
}
